package web

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// actionForm is the action form's values as typed, for showing it again.
type actionForm struct {
	ID, Version                                   int
	Capability, Title, Description, Owner         string
	OwnerName, Contact, StartDate, DueDate        string
	BudgetAmount, Currency, Funding, Status, Note string
	Indicators                                    map[string]bool
}

// actionFormPage is the page to plan or edit an action.
type actionFormPage struct {
	Target        *planTarget
	Form          actionForm
	Choices       []*framework.Capability // capabilities in scope, then enablers
	Indicators    []*framework.Indicator  // of the chosen capability
	Organisations []assessment.Organisation
	Locked        bool // approved: only the status and its note change
}

// actionFromForm reads the form's fields (named as the API's).
func actionFromForm(form url.Values) (assessment.ActionInput, actionForm) {
	f := actionForm{Capability: form.Get("capability"), Title: form.Get("title"), Description: form.Get("description"),
		Owner: form.Get("owner_organisation_id"), OwnerName: form.Get("owner_name"), Contact: form.Get("contact"),
		StartDate: form.Get("start_date"), DueDate: form.Get("due_date"), BudgetAmount: form.Get("budget_amount"),
		Currency: form.Get("currency"), Funding: form.Get("funding"), Status: form.Get("status"), Note: form.Get("status_note"),
		Indicators: map[string]bool{}}
	f.Version, _ = strconv.Atoi(form.Get("version"))
	for _, k := range form["indicators"] {
		f.Indicators[k] = true
	}
	in := assessment.ActionInput{Capability: f.Capability, Title: f.Title, Description: f.Description, Indicators: form["indicators"],
		OwnerName: f.OwnerName, Contact: f.Contact, StartDate: f.StartDate, DueDate: f.DueDate, BudgetAmount: f.BudgetAmount,
		Currency: f.Currency, Funding: f.Funding, Status: f.Status, StatusNote: f.Note, Version: f.Version}
	if id, err := strconv.ParseInt(strings.TrimSpace(f.Owner), 10, 64); err == nil && id > 0 {
		in.OwnerOrganisationID = &id
	} else if strings.TrimSpace(f.Owner) != "" {
		bad := int64(-1) // not a number: an unknown organisation
		in.OwnerOrganisationID = &bad
	}
	return in, f
}

// formOfAction fills the form from a stored action.
func formOfAction(a assessment.PlanAction) actionForm {
	f := actionForm{ID: int(a.ID), Version: a.Version, Capability: a.CapabilityKey, Title: a.Title, Description: a.Description,
		OwnerName: a.OwnerName, Contact: a.Contact, StartDate: assessment.FormatDay(a.StartDate), DueDate: assessment.FormatDay(a.DueDate),
		Currency: a.Currency, Funding: string(a.Funding), Status: string(a.Status), Note: a.StatusNote, Indicators: map[string]bool{}}
	if a.OwnerOrganisationID != nil {
		f.Owner, f.OwnerName = strconv.FormatInt(*a.OwnerOrganisationID, 10), ""
	}
	if a.BudgetCents != nil {
		f.BudgetAmount = assessment.FormatAmount(*a.BudgetCents)
	}
	for _, k := range a.Indicators {
		f.Indicators[k] = true
	}
	return f
}

// renderActionForm shows the form (status 200, or 422/409 with the error
// beside its field and the input kept).
func (s *Server) renderActionForm(c echo.Context, status int, t *planTarget, f actionForm, err error) error {
	orgs, oerr := s.db.OrganisationsInCountry(c.Request().Context(), t.Organisation.Country)
	if oerr != nil {
		return oerr
	}
	page := actionFormPage{Target: t, Form: f, Organisations: orgs, Locked: t.Assessment.Status == assessment.StatusApproved}
	for _, cp := range t.Framework.Capabilities() {
		if t.Assessment.InScope(cp.Key) {
			page.Choices = append(page.Choices, cp)
		}
	}
	page.Choices = append(page.Choices, t.Framework.Enablers()...)
	if cp := t.Framework.Assessable(f.Capability); cp != nil {
		page.Indicators = cp.Indicators
	}
	tr := s.translator(c)
	title := tr.T("PlanNewTitle")
	if f.ID != 0 {
		title = tr.T("PlanEditTitle")
	}
	d := pageData{Title: title, Data: page, Status: status}
	if de, ok := assessment.AsError(err); ok {
		d.Error = de
	}
	return s.renderStatus(c, status, "action_form", d)
}

// actionFormError re-renders the form for bad input (422) and conflicts
// (409); other errors go to the error page.
func (s *Server) actionFormError(c echo.Context, t *planTarget, f actionForm, err error) error {
	de, ok := assessment.AsError(err)
	if !ok || (de.Code != assessment.EINVALID && de.Code != assessment.ECONFLICT) {
		return err
	}
	if cur, ok := de.Current.(assessment.PlanAction); ok {
		f.Version = cur.Version // a second save after reading the message keeps this form's values
	}
	return s.renderActionForm(c, statusOf[de.Code], t, f, de)
}

func formValues(c echo.Context) (url.Values, error) {
	form, err := c.FormParams()
	if err != nil {
		return nil, assessment.FieldError("form", "could not read the form")
	}
	return form, nil
}
