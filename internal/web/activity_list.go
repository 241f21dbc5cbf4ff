package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

const activityPage = 50

type activityData struct {
	Organisation assessment.Organisation
	Filter       activityFilter
	Actions      []string
	Users        []assessment.User
	Assessments  []assessment.Assessment
	Events       []activityEvent
	Older        string // address of the next page, "" on the last
	Filtered     bool
}

// activityFilter is the filter form as typed, kept for the page.
type activityFilter struct {
	Action, User, From, To, Assessment string
}

// activityList is the organisation's audit trail, newest first, for its
// owners and coordinators, paged by event id so new events never shift a page.
func (s *Server) activityList(c echo.Context) error {
	org, err := s.loadOrganisation(c, policy.CanViewActivity, "Only the organisation's owners and coordinators can read its activity.")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	q := c.QueryParams()
	d := activityData{Organisation: org, Filter: activityFilter{Action: q.Get("action"), User: q.Get("user"),
		From: q.Get("from"), To: q.Get("to"), Assessment: q.Get("assessment")}}
	if d.Actions, err = s.db.AuditActions(ctx, org.ID); err != nil {
		return err
	}
	if d.Assessments, err = s.db.Assessments(ctx, []int64{org.ID}); err != nil {
		return err
	}
	f, ferr := d.Filter.parse(org.ID, d.Actions)
	if ferr == nil {
		f.BeforeID, _ = strconv.ParseInt(q.Get("before"), 10, 64)
		if err := s.activityEvents(c, &d, f); err != nil {
			return err
		}
	}
	if d.Users, err = s.activityUsers(ctx, org.ID); err != nil {
		return err
	}
	d.Filtered = d.Filter != activityFilter{}
	status := http.StatusOK
	if ferr != nil {
		status = http.StatusUnprocessableEntity
	}
	return s.renderStatus(c, status, "activity", pageData{Title: s.translator(c).T("ActivityTitle", "Name", org.Name), Error: ferr, Data: d})
}

// activityEvents reads one page of the filtered trail into d, with the
// address of the next, older page when there is one.
func (s *Server) activityEvents(c echo.Context, d *activityData, f store.AuditFilter) error {
	ctx := c.Request().Context()
	events, err := s.db.Audit(ctx, f)
	if err != nil {
		return err
	}
	if len(events) > activityPage {
		events = events[:activityPage]
		next := d.Filter.query()
		next.Set("before", strconv.FormatInt(events[len(events)-1].ID, 10))
		d.Older = links.Activity(d.Organisation.ID, next)
	}
	d.Events, err = s.describeEvents(ctx, s.translator(c), events)
	return err
}

// parse checks the filter; each field is optional.
func (f activityFilter) parse(orgID int64, actions []string) (store.AuditFilter, *assessment.Error) {
	out := store.AuditFilter{OrganisationID: orgID, Limit: activityPage + 1}
	if f.Action != "" {
		if !slices.Contains(actions, f.Action) {
			return out, assessment.FieldError("action", "choose one of the listed kinds of change")
		}
		out.ActionPrefix = f.Action
	}
	var err error
	if f.User != "" {
		if out.UserID, err = strconv.ParseInt(f.User, 10, 64); err != nil {
			return out, assessment.FieldError("user", "choose one of the listed people")
		}
	}
	if f.Assessment != "" {
		if out.AssessmentID, err = strconv.ParseInt(f.Assessment, 10, 64); err != nil {
			return out, assessment.FieldError("assessment", "choose one of the listed assessments")
		}
	}
	if f.From != "" {
		if out.Since, err = time.Parse(time.DateOnly, f.From); err != nil {
			return out, assessment.FieldError("from", "must be a date such as 2026-03-31")
		}
	}
	if f.To != "" {
		t, err := time.Parse(time.DateOnly, f.To)
		if err != nil {
			return out, assessment.FieldError("to", "must be a date such as 2026-03-31")
		}
		out.Until = t.AddDate(0, 0, 1) // the whole "to" day is included
	}
	return out, nil
}

// query is the filter as URL parameters, for the next page's link.
func (f activityFilter) query() url.Values {
	v := url.Values{}
	for k, s := range map[string]string{"action": f.Action, "user": f.User, "from": f.From, "to": f.To, "assessment": f.Assessment} {
		if s != "" {
			v.Set(k, s)
		}
	}
	return v
}
