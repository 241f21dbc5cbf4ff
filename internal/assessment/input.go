package assessment

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/mnr-self-assessment/mnr/internal/framework"
	"golang.org/x/text/language"
)

// Text limits, in characters. Generous for evidence, tight for labels.
const (
	MaxName          = 200
	MaxTitle         = 200
	MaxPeriod        = 40
	MaxEvidence      = 5000
	MaxNote          = 2000
	MaxJustification = 2000
	MaxLead          = 200
	MaxLinks         = 10
	MaxLink          = 500
)

// OrganisationInput is what a caller supplies to create an organisation.
type OrganisationInput struct {
	Name    string
	Kind    string
	Country string
}

// Validate normalises and checks the input.
func (in *OrganisationInput) Validate() (Organisation, error) {
	in.Name = strings.TrimSpace(in.Name)
	in.Country = strings.ToUpper(strings.TrimSpace(in.Country))
	if err := requiredLine("name", in.Name, MaxName); err != nil {
		return Organisation{}, err
	}
	if !OrgKind(in.Kind).Valid() {
		return Organisation{}, FieldError("kind", "choose one of the listed kinds of organisation")
	}
	if !ValidCountry(in.Country) {
		return Organisation{}, FieldError("country", "must be a two-letter ISO 3166 country code, such as JO or FR")
	}
	return Organisation{Name: in.Name, Kind: OrgKind(in.Kind), Country: in.Country}, nil
}

// ValidCountry reports whether code is an ISO 3166-1 alpha-2 country code.
// The user-assigned codes XA–XZ are accepted too, for training and demo
// installations (the demo's fictional Demoland is XD).
func ValidCountry(code string) bool {
	if len(code) != 2 {
		return false
	}
	if code[0] == 'X' && code[1] >= 'A' && code[1] <= 'Z' {
		return true
	}
	r, err := language.ParseRegion(code)
	return err == nil && r.IsCountry() && r.String() == code
}

// AssessmentInput is what a caller supplies to start an assessment.
type AssessmentInput struct {
	OrganisationID int64
	Title          string
	Period         string
	Scope          []string // capability keys; empty means all
}

// Validate checks the input against the framework the assessment will pin.
func (in *AssessmentInput) Validate(fw *framework.Framework) (Assessment, error) {
	in.Title = strings.TrimSpace(in.Title)
	in.Period = strings.TrimSpace(in.Period)
	if in.OrganisationID <= 0 {
		return Assessment{}, FieldError("organisation_id", "is required")
	}
	if err := requiredLine("title", in.Title, MaxTitle); err != nil {
		return Assessment{}, err
	}
	if err := requiredLine("period", in.Period, MaxPeriod); err != nil {
		return Assessment{}, err
	}
	scope, err := ScopeOf(fw, in.Scope)
	if err != nil {
		return Assessment{}, err
	}
	return Assessment{
		OrganisationID:   in.OrganisationID,
		Title:            in.Title,
		Period:           in.Period,
		FrameworkVersion: fw.Version,
		Status:           StatusDraft,
		Scope:            scope,
	}, nil
}

// AnswerInput is a change to one indicator's answer.
type AnswerInput struct {
	Value    string
	Evidence string
	Links    []string
	Note     string
	Version  int
	// Base: the values the writer started from, by field name (see
	// MergeAnswer); optional.
	Base map[string]string
}

// Validate checks an answer against the assessment and framework.
func (in *AnswerInput) Validate(a *Assessment, fw *framework.Framework, indicatorKey string) (Answer, error) {
	ind := fw.Indicator(indicatorKey)
	if ind == nil {
		return Answer{}, NotFound("indicator")
	}
	if !a.InScope(ind.Capability.Key) {
		return Answer{}, FieldError("indicator", "indicator %q belongs to capability %q, which is outside this assessment's scope", indicatorKey, ind.Capability.Key)
	}
	v := AnswerValue(strings.TrimSpace(in.Value))
	if !v.Valid() {
		return Answer{}, FieldError("answer", "must be one of yes, partly, no, unknown, na")
	}
	in.Evidence = NormalizeField(FieldEvidence, in.Evidence)
	in.Note = NormalizeField(FieldNote, in.Note)
	if err := optionalText("evidence", in.Evidence, MaxEvidence); err != nil {
		return Answer{}, err
	}
	if err := optionalText("note", in.Note, MaxNote); err != nil {
		return Answer{}, err
	}
	if v == NA && in.Note == "" { // so Not applicable is a judgement, not a way round a question
		return Answer{}, FieldError("note", "a Not applicable answer needs a reason: say in the note why the indicator does not apply")
	}
	links, err := validLinks(in.Links)
	if err != nil {
		return Answer{}, err
	}
	if in.Version < 0 {
		return Answer{}, FieldError("version", "must be zero or more")
	}
	return Answer{
		AssessmentID:  a.ID,
		IndicatorKey:  indicatorKey,
		CapabilityKey: ind.Capability.Key,
		Value:         v,
		Evidence:      in.Evidence,
		Links:         links,
		Note:          in.Note,
		Version:       in.Version,
		Base:          NormalizeFields(AnswerFields, in.Base),
	}, nil
}

// SplitLinks turns a textarea of links, one per line, into a list.
func SplitLinks(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func validLinks(links []string) ([]string, error) {
	var out []string
	for _, l := range links {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if err := CheckLine("links", l); err != nil {
			return nil, err
		}
		if utf8.RuneCountInString(l) > MaxLink {
			return nil, FieldError("links", "each link may have at most %d characters", MaxLink)
		}
		u, err := url.Parse(l)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, FieldError("links", "%q is not a web address starting with http:// or https://", l)
		}
		out = append(out, l)
	}
	if len(out) > MaxLinks {
		return nil, FieldError("links", "at most %d links per answer", MaxLinks)
	}
	return out, nil
}

// CapabilityInput is a change to the assessor's judgement on a capability.
type CapabilityInput struct {
	Confirmed     *int
	Justification string
	Target        *int
	Priority      string
	Lead          string
	Version       int
	// Base: the values the writer started from, by field name (see
	// MergeJudgement); optional.
	Base map[string]string
}

// Validate checks the judgement. A confirmed phase other than the suggestion
// must come with a written justification.
func (in *CapabilityInput) Validate(c *CapabilityDetail) (CapabilityState, error) {
	if err := phaseInRange("confirmed_phase", in.Confirmed); err != nil {
		return CapabilityState{}, err
	}
	if err := phaseInRange("target_phase", in.Target); err != nil {
		return CapabilityState{}, err
	}
	in.Justification = NormalizeField(FieldJustification, in.Justification)
	in.Lead = strings.TrimSpace(in.Lead)
	if err := optionalText("justification", in.Justification, MaxJustification); err != nil {
		return CapabilityState{}, err
	}
	if in.Confirmed != nil && *in.Confirmed != c.Suggested && in.Justification == "" {
		return CapabilityState{}, FieldError("justification", "explain why the confirmed phase (%d) differs from the suggested phase (%d)", *in.Confirmed, c.Suggested)
	}
	p := Priority(strings.TrimSpace(in.Priority))
	if !p.Valid() {
		return CapabilityState{}, FieldError("priority", "must be high, medium, low or empty")
	}
	if err := optionalLine("lead", in.Lead, MaxLead); err != nil {
		return CapabilityState{}, err
	}
	if in.Version < 0 {
		return CapabilityState{}, FieldError("version", "must be zero or more")
	}
	return CapabilityState{
		AssessmentID:  c.State.AssessmentID,
		CapabilityKey: c.Capability.Key,
		Confirmed:     in.Confirmed,
		Justification: in.Justification,
		Target:        in.Target,
		Priority:      p,
		Lead:          in.Lead,
		Version:       in.Version,
		Base:          NormalizeFields(JudgementFields, in.Base),
	}, nil
}

func phaseInRange(field string, p *int) error {
	if p != nil && (*p < 0 || *p > framework.MaxPhase) {
		return FieldError(field, "must be a phase from 0 to %d", framework.MaxPhase)
	}
	return nil
}

// requiredLine, optionalLine: one-line text (CheckLine) of at most max
// characters; requiredText, optionalText: text of several lines (CheckText).
func requiredLine(field, s string, max int) error {
	if s == "" {
		return FieldError(field, "is required")
	}
	return optionalLine(field, s, max)
}

func optionalLine(field, s string, max int) error {
	if err := CheckLine(field, s); err != nil {
		return err
	}
	return maxLength(field, s, max)
}

func requiredText(field, s string, max int) error {
	if s == "" {
		return FieldError(field, "is required")
	}
	return optionalText(field, s, max)
}

func optionalText(field, s string, max int) error {
	if err := CheckText(field, s); err != nil {
		return err
	}
	return maxLength(field, s, max)
}

func maxLength(field, s string, max int) error {
	if n := utf8.RuneCountInString(s); n > max {
		return FieldError(field, "is %d characters long; the limit is %d", n, max)
	}
	return nil
}
