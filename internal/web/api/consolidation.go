package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// apiConsolidationShow: every capability in scope with its contributions'
// positions beside the national answers.
func (s *handlers) apiConsolidationShow(c echo.Context) error {
	v, err := httpx.Consolidation(c, s.app)
	if err != nil {
		return err
	}
	d, list, answers := v.Detail, v.Contributions, v.Answers
	caps := []apiConsolidationCapability{}
	for _, cd := range d.Assessables() {
		caps = append(caps, apiConsolidationOf(assessment.Consolidate(cd, list, answers)))
	}
	out := make([]apiContribution, 0, len(list))
	for _, cn := range list {
		out = append(out, apiContributionOf(cn))
	}
	return c.JSON(http.StatusOK, map[string]any{"contributions": out, "capabilities": caps})
}

// apiConsolidate: POST {"contribution_id":N,"version":V} adopts that
// contribution's answer; {"answer","evidence","links","note","reason","version"}
// writes the coordinator's decision. Either, never both.
func (s *handlers) apiConsolidate(c echo.Context) error {
	d, err := s.detail(c)
	if err != nil {
		return err
	}
	var body struct {
		ContributionID *int64   `json:"contribution_id"`
		Answer         *string  `json:"answer"`
		Evidence       string   `json:"evidence"`
		Links          []string `json:"links"`
		Note           string   `json:"note"`
		Reason         string   `json:"reason"`
		Version        *int     `json:"version"`
	}
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return err
	}
	if body.Version == nil {
		return assessment.FieldError("version", "is required: send the version of the national answer you read")
	}
	key, ctx, p, by := c.Param("key"), c.Request().Context(), httpx.Principal(c), httpx.Actor(c)
	var saved assessment.Answer
	switch {
	case body.ContributionID != nil && body.Answer != nil:
		return assessment.FieldError("contribution_id", "send either contribution_id (to adopt) or answer and reason (to decide), not both")
	case body.ContributionID != nil:
		saved, err = s.app.AdoptAnswer(ctx, p, by, d, key, *body.ContributionID, *body.Version)
	case body.Answer != nil:
		saved, err = s.app.DecideAnswer(ctx, p, by, d, key, assessment.DecisionInput{Reason: body.Reason, AnswerInput: assessment.AnswerInput{
			Value: *body.Answer, Evidence: body.Evidence, Links: body.Links, Note: body.Note, Version: *body.Version}})
	default:
		return assessment.FieldError("contribution_id", "is required to adopt a contribution's answer; send answer and reason instead to decide")
	}
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, apiAnswerOf(d.Framework.Indicator(saved.IndicatorKey).Phase, saved))
}

// apiConsolidationAdoptAgreed: POST {"versions": {"<indicator>": V, …}}
// adopts, for the capability :key, the answers on which every agency
// agrees among those named, and returns them.
func (s *handlers) apiConsolidationAdoptAgreed(c echo.Context) error {
	v, err := httpx.Consolidation(c, s.app)
	if err != nil {
		return err
	}
	d := v.Detail
	cd, err := d.InScope(c.Param("key"))
	if err != nil {
		return err
	}
	var body struct {
		Versions map[string]int `json:"versions"`
	}
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return err
	}
	if len(body.Versions) == 0 {
		return assessment.FieldError("versions", "is required: send the version of each national answer you read, by indicator key")
	}
	saved, err := s.app.AdoptAgreed(c.Request().Context(), httpx.Principal(c), httpx.Actor(c), v, cd, body.Versions)
	if err != nil {
		return err
	}
	out := make([]apiIndicator, 0, len(saved))
	for _, a := range saved {
		out = append(out, apiAnswerOf(d.Framework.Indicator(a.IndicatorKey).Phase, a))
	}
	return c.JSON(http.StatusOK, map[string]any{"adopted": out})
}
