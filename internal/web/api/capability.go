package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// apiCapabilitySave: PUT {"confirmed_phase","justification","target_phase",
// "priority","lead","version"} and optionally "base" (as for answers);
// null phases mean "not set".
func (s *handlers) apiCapabilitySave(c echo.Context) error {
	t, err := httpx.TargetOf(c, app.KindAssessment)
	if err != nil {
		return err
	}
	var body struct {
		Confirmed     *int              `json:"confirmed_phase"`
		Justification string            `json:"justification"`
		Target        *int              `json:"target_phase"`
		Priority      string            `json:"priority"`
		Lead          string            `json:"lead"`
		Version       *int              `json:"version"`
		Base          *apiJudgementBase `json:"base"`
	}
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return err
	}
	if body.Version == nil {
		return assessment.FieldError("version", "is required: send the version you read")
	}
	in := assessment.CapabilityInput{Confirmed: body.Confirmed, Justification: body.Justification, Target: body.Target,
		Priority: body.Priority, Lead: body.Lead, Version: *body.Version, Base: body.Base.fields()}
	v, err := s.app.SaveCapability(c.Request().Context(), httpx.Principal(c), httpx.Actor(c), t, c.Param("key"), app.CapabilityForm{Judgement: &in})
	httpx.NoteView(c, v)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, apiCapabilityOf(v.Cap))
}
