package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// apiCommentList returns the assessment's threads: all of them, or with
// ?capability=key those of one capability (?capability= for general ones).
func (s *handlers) apiCommentList(c echo.Context) error {
	d, err := s.detail(c)
	if err != nil {
		return err
	}
	threads, err := s.app.Threads(c.Request().Context(), d.Assessment.ID)
	if err != nil {
		return err
	}
	key, filter := c.QueryParams()["capability"]
	out := []apiComment{}
	for _, t := range threads {
		if !filter || t.CapabilityKey == key[0] {
			out = append(out, apiCommentOf(t))
		}
	}
	return c.JSON(http.StatusOK, map[string]any{"comments": out})
}

// apiCommentCreate takes {"capability": "key" or "", "parent_id": N, "body": "…"}.
func (s *handlers) apiCommentCreate(c echo.Context) error {
	d, err := s.detail(c)
	if err != nil {
		return err
	}
	var body struct {
		Capability string `json:"capability"`
		ParentID   int64  `json:"parent_id"`
		Body       string `json:"body"`
	}
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return err
	}
	cm, err := s.app.AddComment(c.Request().Context(), httpx.Principal(c), httpx.Actor(c), d, assessment.CommentInput{CapabilityKey: body.Capability, ParentID: body.ParentID, Body: body.Body})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, apiCommentOf(cm))
}

// apiCommentResolve is POST /api/v1/comments/:id/resolve.
func (s *handlers) apiCommentResolve(c echo.Context) error {
	id, err := httpx.ParamID(c, "id", "comment")
	if err != nil {
		return err
	}
	cm, err := s.app.ResolveComment(c.Request().Context(), httpx.Principal(c), httpx.Actor(c), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, apiCommentOf(cm))
}
