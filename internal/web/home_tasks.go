package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// homePage is the home page: the user's tasks, then their organisations
// and assessments.
type homePage struct {
	Groups []orgAssessments
	Tasks  homeTasks
	Shared []sharedReport // what other organisations share with the user's
}

// homeTasks is "My tasks": contributions the user's agencies still have to
// answer, submitted contributions awaiting the user's consolidation, and
// capabilities assigned to the user; then, for the record, the
// contributions the user's agencies have submitted.
type homeTasks struct {
	ToAnswer      []taskLine
	ToConsolidate []taskLine
	Assigned      []assignedTask
	Submitted     []taskLine
	ToReview      []assessment.Assessment // submitted for review, which the user may approve or return
	Actions       []actionTask            // actions of national plans the user's organisations are responsible for
}

// Any reports whether there is anything to show.
func (t homeTasks) Any() bool {
	return len(t.ToAnswer)+len(t.ToConsolidate)+len(t.Assigned)+len(t.Submitted)+len(t.ToReview)+len(t.Actions) > 0
}

type taskLine struct {
	store.ContributionTask
	Overdue, DueSoon bool
}

type assignedTask struct {
	Assessment assessment.Assessment
	Capability *framework.Capability
}

// myTasks gathers the user's tasks. It only reads: the "due soon"
// reminders are written by a job on a timer (jobs.DueSoonReminders).
func (s *Server) myTasks(c echo.Context, assessments []assessment.Assessment) (homeTasks, error) {
	ctx, p, now := c.Request().Context(), principal(c), s.cfg.Now()
	var consolidating []int64
	for _, m := range p.Memberships {
		if m.Role == assessment.RoleOwner || m.Role == assessment.RoleCoordinator {
			consolidating = append(consolidating, m.OrganisationID)
		}
	}
	var t homeTasks
	mine, err := s.db.AgencyContributions(ctx, p.OrganisationIDs())
	if err != nil {
		return t, err
	}
	for _, task := range mine {
		cn := task.Contribution
		line := taskLine{ContributionTask: task, Overdue: cn.Overdue(now), DueSoon: cn.DueSoon(now)}
		if !cn.Open() {
			t.Submitted = append(t.Submitted, line)
			continue
		}
		if !policy.CanEditContribution(p, &cn) {
			continue
		}
		t.ToAnswer = append(t.ToAnswer, line)
	}
	waiting, err := s.db.AwaitingConsolidation(ctx, consolidating)
	if err != nil {
		return t, err
	}
	for _, task := range waiting {
		t.ToConsolidate = append(t.ToConsolidate, taskLine{ContributionTask: task})
	}
	t.ToReview = reviewTasks(p, assessments)
	if t.Actions, err = s.actionTasks(c); err != nil {
		return t, err
	}
	t.Assigned = assignedTasks(p, assessments)
	return t, nil
}

// assignedTasks are the capabilities (and enablers) assigned to the user in
// assessments not yet approved.
func assignedTasks(p *policy.Principal, assessments []assessment.Assessment) []assignedTask {
	var out []assignedTask
	for _, a := range assessments {
		fw, err := framework.Get(a.FrameworkVersion)
		if err != nil || a.Status == assessment.StatusApproved {
			continue
		}
		for _, key := range p.Assigned[a.ID] {
			if cp := fw.Assessable(key); cp != nil { // enablers are assigned like capabilities
				out = append(out, assignedTask{Assessment: a, Capability: cp})
			}
		}
	}
	return out
}
