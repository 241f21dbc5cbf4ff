package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// apiActionList: GET /api/v1/assessments/:id/actions → {"actions":[…]}.
func (s *Server) apiActionList(c echo.Context) error {
	t, err := s.loadPlanTarget(c)
	if err != nil {
		return err
	}
	actions, err := s.db.Actions(c.Request().Context(), t.Assessment.ID)
	if err != nil {
		return err
	}
	now := s.cfg.Now()
	out := make([]apiAction, len(actions))
	for i, a := range actions {
		out[i] = apiActionOf(a, now, nil)
	}
	return c.JSON(http.StatusOK, map[string]any{"actions": out})
}

// apiActionCreate: POST /api/v1/assessments/:id/actions → 201 with the
// action (its "id" and "version" among the fields).
func (s *Server) apiActionCreate(c echo.Context) error {
	t, err := s.loadPlanTarget(c)
	if err != nil {
		return err
	}
	in, err := decodeAction(c, false)
	if err != nil {
		return err
	}
	act, err := s.planCreate(c, t, in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, apiActionOf(act, s.cfg.Now(), nil))
}

// apiActionShow: GET /api/v1/actions/:id, with its status history.
func (s *Server) apiActionShow(c echo.Context) error {
	_, act, err := s.loadAction(c)
	if err != nil {
		return err
	}
	h, err := s.db.ActionUpdates(c.Request().Context(), []int64{act.ID})
	if err != nil {
		return err
	}
	files, err := s.actionFilesJSON(c, act.ID)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, struct {
		apiAction
		Files []apiFile `json:"files"`
	}{apiActionOf(act, s.cfg.Now(), h[act.ID]), files})
}

// apiActionSave: PUT /api/v1/actions/:id with every field and "version".
func (s *Server) apiActionSave(c echo.Context) error {
	t, cur, err := s.loadAction(c)
	if err != nil {
		return err
	}
	in, err := decodeAction(c, true)
	if err != nil {
		return err
	}
	act, err := s.planEdit(c, t, cur, in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, apiActionOf(act, s.cfg.Now(), nil))
}

// apiActionDelete: DELETE /api/v1/actions/:id?version=N → 204.
func (s *Server) apiActionDelete(c echo.Context) error {
	t, cur, err := s.loadAction(c)
	if err != nil {
		return err
	}
	if err := app.MayManagePlan(principal(c), t, &cur); err != nil {
		return err
	}
	v, err := strconv.Atoi(c.QueryParam("version"))
	if err != nil {
		return assessment.FieldError("version", "is required: send the version you read")
	}
	if err := s.planDelete(c, t, cur, v); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

func decodeAction(c echo.Context, needVersion bool) (assessment.ActionInput, error) {
	var body apiActionBody
	if err := decodeJSON(c, &body); err != nil {
		return assessment.ActionInput{}, err
	}
	if needVersion && body.Version == nil {
		return assessment.ActionInput{}, assessment.FieldError("version", "is required: send the version you read")
	}
	return body.input()
}
