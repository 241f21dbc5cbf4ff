package assessment

import (
	"strings"

	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// Limits of an action's texts.
const (
	MaxActionDescription = 4000
	MaxActionIndicators  = 50
)

// ActionInput is an action as a caller supplies it (form or API); the
// field names in errors are the API's.
type ActionInput struct {
	Capability          string
	Title               string
	Description         string
	Indicators          []string
	OwnerOrganisationID *int64
	OwnerName           string
	Contact             string
	StartDate           string
	DueDate             string
	BudgetAmount        string
	Currency            string
	Funding             string
	Status              string
	StatusNote          string
	Version             int
}

// ActionScope is what an action is checked against: the assessment, its
// framework and the country of its organisation.
type ActionScope struct {
	Assessment *Assessment
	Framework  *framework.Framework
	Country    string
}

// Validate normalises and checks the input. owner is the organisation
// named by OwnerOrganisationID, nil when there is none by that id.
func (in *ActionInput) Validate(sc ActionScope, owner *Organisation) (PlanAction, error) {
	in.trim()
	a := PlanAction{AssessmentID: sc.Assessment.ID, CapabilityKey: in.Capability, Title: in.Title, Description: in.Description,
		Contact: in.Contact, Currency: in.Currency, Funding: Funding(in.Funding), Status: ActionStatus(in.Status),
		StatusNote: in.StatusNote, Version: in.Version}
	if err := checkActionCapability(sc, in.Capability); err != nil {
		return a, err
	}
	var err error
	if a.Indicators, err = actionIndicators(sc.Framework, in.Capability, in.Indicators); err != nil {
		return a, err
	}
	if err := requiredLine("title", in.Title, MaxTitle); err != nil {
		return a, err
	}
	if err := optionalText("description", in.Description, MaxActionDescription); err != nil {
		return a, err
	}
	if err := in.owner(sc, owner, &a); err != nil {
		return a, err
	}
	if err := optionalLine("contact", in.Contact, MaxName); err != nil {
		return a, err
	}
	if a.StartDate, a.DueDate, err = actionDates(in.StartDate, in.DueDate); err != nil {
		return a, err
	}
	if a.BudgetCents, err = ParseAmount("budget_amount", in.BudgetAmount); err != nil {
		return a, err
	}
	if err := checkCurrency(a.BudgetCents, in.Currency); err != nil {
		return a, err
	}
	if !a.Funding.Valid() {
		return a, FieldError("funding", "must be one of domestic, donor, mixed, unfunded")
	}
	if !a.Status.Valid() {
		return a, FieldError("status", "must be one of planned, in_progress, done, blocked, dropped")
	}
	return a, optionalText("status_note", in.StatusNote, MaxNote)
}

func (in *ActionInput) trim() {
	for _, p := range []*string{&in.Capability, &in.Title, &in.OwnerName, &in.Contact, &in.StartDate, &in.DueDate,
		&in.BudgetAmount, &in.Funding, &in.Status} {
		*p = strings.TrimSpace(*p)
	}
	in.Description, in.StatusNote = strings.TrimSpace(in.Description), strings.TrimSpace(in.StatusNote)
	in.Currency = strings.ToUpper(strings.TrimSpace(in.Currency))
	if in.Funding == "" {
		in.Funding = string(FundingUnfunded)
	}
	if in.Status == "" {
		in.Status = string(ActionPlanned)
	}
}

// owner checks the responsible organisation: one of the platform in the
// assessment's country, or the name of one that is not on it.
func (in *ActionInput) owner(sc ActionScope, owner *Organisation, a *PlanAction) error {
	if in.OwnerOrganisationID == nil {
		if in.OwnerName == "" {
			return FieldError("owner_name", "is required: choose an organisation on the platform or write the name of one")
		}
		a.OwnerName = in.OwnerName
		return optionalLine("owner_name", in.OwnerName, MaxName)
	}
	if owner == nil {
		return FieldError("owner_organisation_id", "is not an organisation on the platform")
	}
	if owner.Country != sc.Country {
		return FieldError("owner_organisation_id", "must be an organisation of the assessment's country (%s)", sc.Country)
	}
	id := owner.ID
	a.OwnerOrganisationID, a.OwnerName = &id, owner.Name
	return nil
}

// checkActionCapability accepts a capability in the assessment's scope, or
// an enabler of its framework while the scope lists no enablers.
func checkActionCapability(sc ActionScope, key string) error {
	if key == "" {
		return FieldError("capability", "is required")
	}
	c := sc.Framework.Assessable(key)
	if c == nil {
		return FieldError("capability", "%q is not a capability or enabler of this assessment's framework", key)
	}
	if sc.Assessment.InScope(key) {
		return nil
	}
	if c.IsEnabler() {
		for _, e := range sc.Framework.Enablers() {
			if sc.Assessment.InScope(e.Key) {
				return FieldError("capability", "capability %q is outside this assessment's scope", key)
			}
		}
		return nil
	}
	return FieldError("capability", "capability %q is outside this assessment's scope", key)
}

// actionIndicators checks that each key is an indicator of the capability.
func actionIndicators(fw *framework.Framework, capability string, keys []string) ([]string, error) {
	if len(keys) > MaxActionIndicators {
		return nil, FieldError("indicators", "lists %d indicators; the limit is %d", len(keys), MaxActionIndicators)
	}
	out := []string{}
	seen := map[string]bool{}
	for _, k := range keys {
		k = strings.TrimSpace(k)
		if k == "" || seen[k] {
			continue
		}
		in := fw.Indicator(k)
		if in == nil || in.Capability.Key != capability {
			return nil, FieldError("indicators", "%q is not an indicator of this capability", k)
		}
		seen[k] = true
		out = append(out, k)
	}
	return out, nil
}

func checkCurrency(cents *int64, code string) error {
	if code == "" {
		if cents != nil {
			return FieldError("currency", "is required with a budget: an ISO 4217 code such as USD or EUR")
		}
		return nil
	}
	if !ValidCurrency(code) {
		return FieldError("currency", "%q is not an ISO 4217 currency code, such as USD or EUR", code)
	}
	return nil
}
