package api

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// apiActionList: GET /api/v1/assessments/:id/actions → {"actions":[…]}.
func (s *handlers) apiActionList(c echo.Context) error {
	t, err := httpx.PlanTarget(c, s.app)
	if err != nil {
		return err
	}
	actions, err := s.db.Actions(c.Request().Context(), t.Assessment.ID)
	if err != nil {
		return err
	}
	now := s.now()
	out := make([]apiAction, len(actions))
	for i, a := range actions {
		out[i] = apiActionOf(a, now, nil)
	}
	return c.JSON(http.StatusOK, map[string]any{"actions": out})
}

// apiActionCreate: POST /api/v1/assessments/:id/actions → 201 with the
// action (its "id" and "version" among the fields).
func (s *handlers) apiActionCreate(c echo.Context) error {
	t, err := httpx.PlanTarget(c, s.app)
	if err != nil {
		return err
	}
	in, err := decodeAction(c, false)
	if err != nil {
		return err
	}
	act, err := s.app.CreateAction(c.Request().Context(), httpx.Principal(c), httpx.Actor(c), t, in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, apiActionOf(act, s.now(), nil))
}

// apiActionShow: GET /api/v1/actions/:id, with its status history.
func (s *handlers) apiActionShow(c echo.Context) error {
	_, act, err := httpx.Action(c, s.app)
	if err != nil {
		return err
	}
	h, err := s.db.ActionUpdates(c.Request().Context(), []int64{act.ID})
	if err != nil {
		return err
	}
	files, err := s.actionFiles(c, act.ID)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, struct {
		apiAction
		Files []apiFile `json:"files"`
	}{apiActionOf(act, s.now(), h[act.ID]), files})
}

// apiActionSave: PUT /api/v1/actions/:id with every field and "version".
func (s *handlers) apiActionSave(c echo.Context) error {
	t, cur, err := httpx.Action(c, s.app)
	if err != nil {
		return err
	}
	in, err := decodeAction(c, true)
	if err != nil {
		return err
	}
	act, err := s.app.EditAction(c.Request().Context(), httpx.Principal(c), httpx.Actor(c), t, cur, in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, apiActionOf(act, s.now(), nil))
}

// apiActionDelete: DELETE /api/v1/actions/:id?version=N → 204.
func (s *handlers) apiActionDelete(c echo.Context) error {
	t, cur, err := httpx.Action(c, s.app)
	if err != nil {
		return err
	}
	if err := app.MayManagePlan(httpx.Principal(c), t, &cur); err != nil {
		return err
	}
	v, err := strconv.Atoi(c.QueryParam("version"))
	if err != nil {
		return assessment.FieldError("version", "is required: send the version you read")
	}
	if err := s.app.DeleteAction(c.Request().Context(), httpx.Principal(c), httpx.Actor(c), t, cur, v); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

func decodeAction(c echo.Context, needVersion bool) (assessment.ActionInput, error) {
	var body apiActionBody
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return assessment.ActionInput{}, err
	}
	if needVersion && body.Version == nil {
		return assessment.ActionInput{}, assessment.FieldError("version", "is required: send the version you read")
	}
	return body.input()
}
