package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// actionTask is an open action of a national plan the user's organisation
// is responsible for, with whether the user may update its status.
type actionTask struct {
	store.ActionTask
	Overdue   bool
	CanUpdate bool
	CSRF      string // the page's token, for the status form
}

// actionTasks lists the actions under "my tasks": those owned by the
// user's organisations, whoever's plan they belong to.
func (s *Server) actionTasks(c echo.Context) ([]actionTask, error) {
	p := principal(c)
	tasks, err := s.db.ActionTasks(c.Request().Context(), p.OrganisationIDs())
	if err != nil {
		return nil, err
	}
	now := s.cfg.Now()
	csrf, _ := c.Get("csrf").(string)
	out := make([]actionTask, 0, len(tasks))
	for _, t := range tasks {
		out = append(out, actionTask{ActionTask: t, Overdue: t.Action.Overdue(now),
			CanUpdate: policy.CanUpdateActionStatus(p, &t.Assessment, &t.Action), CSRF: csrf})
	}
	return out, nil
}
