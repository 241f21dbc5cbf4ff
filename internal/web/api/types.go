package api

import (
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// The API's JSON shapes are a contract for scripts; they are separate from
// the domain types so internal renames never break a client.

type apiOrganisation struct {
	ID        int64     `json:"id"`
	Name      string    `json:"name"`
	Kind      string    `json:"kind"`
	Country   string    `json:"country"`
	CreatedAt time.Time `json:"created_at"`
}

func apiOrganisationOf(o assessment.Organisation) apiOrganisation {
	return apiOrganisation{ID: o.ID, Name: o.Name, Kind: string(o.Kind), Country: o.Country, CreatedAt: o.CreatedAt}
}

type apiAssessment struct {
	ID               int64           `json:"id"`
	OrganisationID   int64           `json:"organisation_id"`
	Title            string          `json:"title"`
	Period           string          `json:"period"`
	FrameworkVersion string          `json:"framework_version"`
	Status           string          `json:"status"`
	Scope            []string        `json:"scope,omitempty"`
	CreatedAt        time.Time       `json:"created_at"`
	UpdatedAt        time.Time       `json:"updated_at"`
	Completion       *float64        `json:"completion,omitempty"`
	Capabilities     []apiCapability `json:"capabilities,omitempty"`
	// Enablers: the MNR enablers in scope, in the capabilities' shape
	// (number "E1"…, kind "enabler", no domain), never counted in
	// completion or in any capability figure.
	Enablers     []apiCapability  `json:"enablers,omitempty"`
	Organisation *apiOrganisation `json:"organisation,omitempty"`
	// Workflow and cycles: who approved and when; the cycle continued.
	ApprovedAt     *time.Time `json:"approved_at"`
	ApprovedByName string     `json:"approved_by_name,omitempty"`
	PreviousID     *int64     `json:"previous_id"`
	// Marking is the confidentiality marking: public, internal,
	// restricted or confidential.
	Marking string `json:"marking"`
}

func apiAssessmentOf(a assessment.Assessment) apiAssessment {
	return apiAssessment{ID: a.ID, OrganisationID: a.OrganisationID, Title: a.Title, Period: a.Period,
		FrameworkVersion: a.FrameworkVersion, Status: string(a.Status), Scope: a.Scope, CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt,
		ApprovedAt: a.ApprovedAt, ApprovedByName: a.ApprovedByName, PreviousID: a.PreviousID, Marking: string(a.Marking)}
}

type apiCapability struct {
	Key string `json:"key"`
	// Number is the capability's number, or an enabler's label ("E1").
	Number         any    `json:"number"`
	Kind           string `json:"kind,omitempty"` // "enabler" for an enabler
	Domain         string `json:"domain"`
	SuggestedPhase int    `json:"suggested_phase"`
	ConfirmedPhase *int   `json:"confirmed_phase"`
	// ChosenPhase is the phase the assessor set, null while they leave it
	// to the suggestion (confirmed_phase then shows the suggestion).
	ChosenPhase   *int           `json:"chosen_phase"`
	Assessed      bool           `json:"assessed"`
	Justification string         `json:"justification"`
	TargetPhase   *int           `json:"target_phase"`
	Priority      string         `json:"priority"`
	Lead          string         `json:"lead"`
	Version       int            `json:"version"`
	Completion    float64        `json:"completion"`
	Indicators    []apiIndicator `json:"indicators"`
	apiRating
}

type apiIndicator struct {
	Key       string     `json:"key"`
	Phase     int        `json:"phase"`
	Answer    string     `json:"answer"`
	Evidence  string     `json:"evidence"`
	Links     []string   `json:"links"`
	Note      string     `json:"note"`
	Version   int        `json:"version"`
	UpdatedBy string     `json:"updated_by,omitempty"`
	UpdatedAt *time.Time `json:"updated_at,omitempty"`
	// CarriedForward: copied from the previous cycle, not yet confirmed.
	CarriedForward bool `json:"carried_forward"`
	// Provenance of a national answer (omitted when typed directly):
	// "contribution" with the contribution's id, or "coordinator" with the reason.
	Source               string `json:"source,omitempty"`
	SourceContributionID *int64 `json:"source_contribution_id,omitempty"`
	SourceReason         string `json:"source_reason,omitempty"`
	// Files are the indicator's current evidence files (evidence.go).
	Files []apiFile `json:"files"`
}

func apiAnswerOf(phase int, a assessment.Answer) apiIndicator {
	out := apiIndicator{Key: a.IndicatorKey, Phase: phase, Answer: string(a.Value), Evidence: a.Evidence,
		Links: a.Links, Note: a.Note, Version: a.Version, UpdatedBy: a.UpdatedBy, CarriedForward: a.CarriedForward,
		Source: string(a.Source), SourceContributionID: a.SourceContributionID, SourceReason: a.SourceReason}
	if out.Links == nil {
		out.Links = []string{}
	}
	out.Files = []apiFile{}
	if !a.UpdatedAt.IsZero() {
		t := a.UpdatedAt
		out.UpdatedAt = &t
	}
	return out
}

// apiCapabilityOf reports the confirmed phase as the assessor's explicit
// choice or, while none is made, the suggestion (null when not assessed).
func apiCapabilityOf(cd *assessment.CapabilityDetail) apiCapability {
	out := apiCapability{Key: cd.Capability.Key, Number: cd.Capability.Number,
		apiRating: apiRatingOf(cd.Rating), SuggestedPhase: cd.Suggested, Assessed: cd.Assessed(), Justification: cd.State.Justification,
		ChosenPhase: cd.State.Confirmed, TargetPhase: cd.State.Target, Priority: string(cd.State.Priority), Lead: cd.State.Lead,
		Version: cd.State.Version, Completion: cd.Completion.Ratio()}
	if cd.Capability.IsEnabler() {
		out.Number, out.Kind = cd.Capability.Label(), string(cd.Capability.Kind)
	} else {
		out.Domain = cd.Capability.Domain.Key
	}
	if cd.Assessed() {
		p := cd.ConfirmedPhase()
		out.ConfirmedPhase = &p
	}
	for _, in := range cd.Capability.Indicators {
		out.Indicators = append(out.Indicators, apiAnswerOf(in.Phase, cd.Answer(in.Key)))
	}
	return out
}

// apiCurrent converts the current value carried by a conflict for JSON.
func apiCurrent(v any) any {
	switch x := v.(type) {
	case assessment.Answer:
		return apiAnswerOf(0, x)
	case assessment.CapabilityState:
		return map[string]any{"confirmed_phase": x.Confirmed, "justification": x.Justification, "target_phase": x.Target,
			"priority": x.Priority, "lead": x.Lead, "version": x.Version, "updated_by": x.UpdatedBy, "updated_at": x.UpdatedAt}
	case assessment.PlanAction:
		return apiActionOf(x, x.UpdatedAt, nil)
	}
	return v
}

// CapabilityJSON is a capability in the API's shape, for the pages'
// scripts (autosave) that read the same JSON as API clients.
func CapabilityJSON(cd *assessment.CapabilityDetail) any { return apiCapabilityOf(cd) }
