package web

import (
	"fmt"
	"html/template"
	"net/http"
	"sort"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/report"
)

// planPage is an assessment's action plan.
type planPage struct {
	Target    *planTarget
	Plan      *report.Plan
	Filter    report.PlanFilter
	Filtered  bool
	Owners    []ownerChoice
	Timeline  template.HTML
	CanManage bool
	Locked    bool
	// CanUpdate says, per action id, whether the reader may update its status.
	CanUpdate map[int64]bool
	// ErrorAction is the action whose status form the page's error is for.
	ErrorAction int64
	// Files are the actions' current files; CanFiles says, per action id,
	// whether the reader may add and remove them.
	Files    map[int64][]assessment.EvidenceFile
	CanFiles map[int64]bool
}

type ownerChoice struct{ Key, Name string }

// planShow is /assessments/:id/plan, filtered by the query (status,
// funding, owner, overdue=1).
func (s *Server) planShow(c echo.Context) error {
	t, err := s.loadPlanTarget(c)
	if err != nil {
		return err
	}
	return s.renderPlan(c, http.StatusOK, t, nil, 0)
}

// renderPlan renders the plan page; err (for action errAction) is shown
// beside that action's status form.
func (s *Server) renderPlan(c echo.Context, status int, t *planTarget, err *assessment.Error, errAction int64) error {
	ctx := c.Request().Context()
	actions, lerr := s.db.Actions(ctx, t.Assessment.ID)
	if lerr != nil {
		return lerr
	}
	ids := make([]int64, len(actions))
	for i, a := range actions {
		ids[i] = a.ID
	}
	history, lerr := s.db.ActionUpdates(ctx, ids)
	if lerr != nil {
		return lerr
	}
	files, lerr := s.db.ActionFiles(ctx, ids)
	if lerr != nil {
		return lerr
	}
	q := c.QueryParams()
	f := report.PlanFilter{Status: assessment.ActionStatus(q.Get("status")), Funding: assessment.Funding(q.Get("funding")),
		Owner: q.Get("owner"), Overdue: q.Get("overdue") == "1"}
	now, p, tr := s.cfg.Now(), principal(c), s.translator(c)
	page := planPage{Target: t, Plan: report.BuildPlan(t.Framework, actions, history, now, f), Filter: f,
		Filtered: f != report.PlanFilter{}, CanManage: policy.CanManagePlan(p, &t.Assessment),
		Locked: t.Assessment.Status == assessment.StatusApproved, CanUpdate: map[int64]bool{}, ErrorAction: errAction,
		Files: files, CanFiles: map[int64]bool{}}
	seen := map[string]bool{}
	for i := range actions {
		a := &actions[i]
		page.CanUpdate[a.ID] = !a.Continued() && policy.CanUpdateActionStatus(p, &t.Assessment, a)
		page.CanFiles[a.ID] = !a.Continued() && policy.CanEditActionFiles(p, &t.Assessment, a)
		if k := ownerKeyOf(*a); !seen[k] {
			seen[k] = true
			page.Owners = append(page.Owners, ownerChoice{Key: k, Name: a.OwnerName})
		}
	}
	sort.Slice(page.Owners, func(i, j int) bool { return page.Owners[i].Name < page.Owners[j].Name })
	page.Timeline = report.PlanTimelineSVG(page.Plan, tr.Lang.Code, now, s.timelineText(c, t))
	return s.renderStatus(c, status, "plan", pageData{Title: tr.T("PlanPageTitle", "Title", t.Assessment.Title), Data: page, Error: err, Status: status})
}

func ownerKeyOf(a assessment.PlanAction) string {
	if a.OwnerOrganisationID != nil {
		return strconv.FormatInt(*a.OwnerOrganisationID, 10)
	}
	return a.OwnerName
}

// timelineText is the timeline's title and labels in the page's language.
func (s *Server) timelineText(c echo.Context, t *planTarget) report.TimelineText {
	tr := s.translator(c)
	return report.TimelineText{Title: tr.T("PlanTimelineTitle", "Title", t.Assessment.Title), Desc: tr.T("PlanTimelineDesc"),
		Quarter: func(y, q int) string { return tr.T("PlanQuarter", "Year", fmt.Sprint(y), "Q", q) },
		Label:   func(r report.PlanRow) string { return r.Capability.Label() + " · " + r.Action.Title }}
}
