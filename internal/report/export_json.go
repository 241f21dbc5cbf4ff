package report

import (
	"encoding/json"
	"fmt"
	"io"
	"time"
)

// SchemaVersion is the version of the JSON export. Raise it on any change
// that could break a reader; adding a field is not one.
const SchemaVersion = 1

// ReportJSON is the complete JSON export: the assessment with every answer,
// its scores and summary. Explicit structs keep the format independent of
// the domain types.
type ReportJSON struct {
	SchemaVersion int              `json:"schema_version"`
	GeneratedAt   time.Time        `json:"generated_at"`
	Language      string           `json:"language"`
	Organisation  OrganisationJSON `json:"organisation"`
	Assessment    AssessmentJSON   `json:"assessment"`
	Overall       OverallScore     `json:"overall"`
	Summary       []string         `json:"summary"`
	Domains       []DomainJSON     `json:"domains"`
	// Enablers: the MNR enablers in scope, apart from every capability
	// figure (enablers_export.go).
	Enablers []EnablerJSON `json:"enablers"`
	Previous *PreviousJSON `json:"previous,omitempty"`
	Actions  []ActionJSON  `json:"actions"`
}

// SummaryJSON is the report without the answers: what the API returns for
// GET /api/v1/assessments/{id}/report.
type SummaryJSON struct {
	SchemaVersion int              `json:"schema_version"`
	GeneratedAt   time.Time        `json:"generated_at"`
	Language      string           `json:"language"`
	Organisation  OrganisationJSON `json:"organisation"`
	Assessment    AssessmentJSON   `json:"assessment"`
	Scores        Scores           `json:"scores"`
	Summary       []string         `json:"summary"`
	Previous      *PreviousJSON    `json:"previous,omitempty"`
}

// OrganisationJSON identifies the organisation that ran the assessment.
type OrganisationJSON struct {
	Name    string `json:"name"`
	Country string `json:"country"`
}

// AssessmentJSON is the assessment's metadata.
type AssessmentJSON struct {
	ID               int64      `json:"id"`
	Title            string     `json:"title"`
	Period           string     `json:"period"`
	Status           string     `json:"status"`
	FrameworkVersion string     `json:"framework_version"`
	National         bool       `json:"national"`
	ApprovedAt       *time.Time `json:"approved_at"`
}

// DomainJSON is one domain with its scores and capabilities.
type DomainJSON struct {
	Key          string           `json:"key"`
	Number       int              `json:"number"`
	Name         string           `json:"name"`
	Score        DomainScore      `json:"score"`
	Capabilities []CapabilityJSON `json:"capabilities"`
}

// CapabilityJSON is one capability with the assessor's judgement and answers.
type CapabilityJSON struct {
	Key        string          `json:"key"`
	Number     int             `json:"number"`
	Name       string          `json:"name"`
	Score      CapabilityScore `json:"score"`
	State      StateJSON       `json:"state"`
	Indicators []IndicatorJSON `json:"indicators"`
	Rating     RatingJSON      `json:"rating"`
}

// StateJSON is the assessor's judgement on a capability.
type StateJSON struct {
	ConfirmedPhase *int       `json:"confirmed_phase"`
	SuggestedPhase int        `json:"suggested_phase"`
	TargetPhase    *int       `json:"target_phase"`
	Justification  string     `json:"justification"`
	Priority       string     `json:"priority"`
	Lead           string     `json:"lead"`
	Version        int        `json:"version"`
	UpdatedBy      string     `json:"updated_by"`
	UpdatedAt      *time.Time `json:"updated_at"`
}

// IndicatorJSON is one indicator and its answer; answer is empty when
// unanswered.
type IndicatorJSON struct {
	Key       string     `json:"key"`
	Phase     int        `json:"phase"`
	Text      string     `json:"text"`
	Answer    string     `json:"answer"`
	Evidence  string     `json:"evidence"`
	Links     []string   `json:"links"`
	Note      string     `json:"note"`
	Version   int        `json:"version"`
	UpdatedBy string     `json:"updated_by"`
	UpdatedAt *time.Time `json:"updated_at"`
}

// PreviousJSON is the comparison with the previous cycle.
type PreviousJSON struct {
	AssessmentID  int64        `json:"assessment_id"`
	Title         string       `json:"title"`
	Period        string       `json:"period"`
	Overall       OverallScore `json:"overall"`
	MovedUp       []ChangeJSON `json:"moved_up"`
	Slipped       []ChangeJSON `json:"slipped"`
	NewlyAssessed []ChangeJSON `json:"newly_assessed"`
	Unchanged     int          `json:"unchanged"`
}

// ChangeJSON is one capability's phase in both cycles.
type ChangeJSON struct {
	Key    string `json:"key"`
	Number int    `json:"number"`
	From   *int   `json:"from"`
	To     int    `json:"to"`
}

// WriteJSON writes the complete export, indented for people who read it.
func WriteJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r.JSON()); err != nil {
		return fmt.Errorf("report json: %w", err)
	}
	return nil
}

// JSON returns the complete export model.
func (r *Report) JSON() ReportJSON {
	out := ReportJSON{
		SchemaVersion: SchemaVersion,
		GeneratedAt:   r.Generated,
		Language:      r.Lang,
		Organisation:  r.organisationJSON(),
		Assessment:    r.assessmentJSON(),
		Overall:       r.Scores.Overall,
		Summary:       nonNil(r.Summary),
		Domains:       []DomainJSON{},
		Previous:      r.previousJSON(),
		Enablers:      r.enablersJSON(),
		Actions:       r.actionsJSON(),
	}
	for _, d := range r.Domains {
		dj := DomainJSON{Key: d.Key, Number: d.Number, Name: d.Name, Score: d.Score, Capabilities: []CapabilityJSON{}}
		for _, key := range d.Capabilities {
			dj.Capabilities = append(dj.Capabilities, capabilityJSON(r.Capability(key)))
		}
		out.Domains = append(out.Domains, dj)
	}
	return out
}

// SummaryJSON returns the scores and summary without the answers.
func (r *Report) SummaryJSON() SummaryJSON {
	return SummaryJSON{
		SchemaVersion: SchemaVersion,
		GeneratedAt:   r.Generated,
		Language:      r.Lang,
		Organisation:  r.organisationJSON(),
		Assessment:    r.assessmentJSON(),
		Scores:        r.Scores,
		Summary:       nonNil(r.Summary),
		Previous:      r.previousJSON(),
	}
}

func (r *Report) organisationJSON() OrganisationJSON {
	return OrganisationJSON{Name: r.Cover.Organisation, Country: r.Cover.Country}
}

func (r *Report) assessmentJSON() AssessmentJSON {
	c := r.Cover
	return AssessmentJSON{ID: c.AssessmentID, Title: c.Title, Period: c.Period, Status: c.Status,
		FrameworkVersion: c.FrameworkVersion, National: c.National, ApprovedAt: c.ApprovedAt}
}

func capabilityJSON(c *CapabilitySection) CapabilityJSON {
	cj := CapabilityJSON{
		Key: c.Key, Number: c.Number, Name: c.Name, Score: c.Score,
		State: StateJSON{
			ConfirmedPhase: c.State.Confirmed,
			SuggestedPhase: c.Score.Suggested,
			TargetPhase:    c.State.Target,
			Justification:  c.Justification,
			Priority:       c.State.Priority,
			Lead:           c.State.Lead,
			Version:        c.State.Version,
			UpdatedBy:      c.State.UpdatedBy,
			UpdatedAt:      optTime(c.State.UpdatedAt),
		},
		Indicators: indicatorsJSON(c.Indicators),
		Rating:     ratingJSON(c.Rating),
	}
	return cj
}

func (r *Report) previousJSON() *PreviousJSON {
	p := r.Previous
	if p == nil {
		return nil
	}
	return &PreviousJSON{
		AssessmentID: p.AssessmentID, Title: p.Title, Period: p.Period, Overall: p.Scores.Overall,
		MovedUp: changesJSON(p.MovedUp), Slipped: changesJSON(p.Slipped), NewlyAssessed: changesJSON(p.NewlyAssessed),
		Unchanged: p.Unchanged,
	}
}

func changesJSON(cs []Change) []ChangeJSON {
	out := []ChangeJSON{}
	for _, c := range cs {
		out = append(out, ChangeJSON{Key: c.Key, Number: c.Number, From: c.From, To: c.To})
	}
	return out
}

// optTime turns the zero time into null rather than year 1.
func optTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	u := t.UTC()
	return &u
}

// nonNil makes empty lists encode as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
