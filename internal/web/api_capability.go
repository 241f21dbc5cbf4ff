package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// apiCapabilitySave: PUT {"confirmed_phase","justification","target_phase",
// "priority","lead","version"} and optionally "base" (as for answers);
// null phases mean "not set".
func (s *Server) apiCapabilitySave(c echo.Context) error {
	d, err := s.loadDetail(c)
	if err != nil {
		return err
	}
	cd, err := capabilityIn(d, c.Param("key"))
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
	if err := decodeJSON(c, &body); err != nil {
		return err
	}
	if body.Version == nil {
		return assessment.FieldError("version", "is required: send the version you read")
	}
	if err := mayEdit(c, d, cd.Capability.Key); err != nil {
		return err
	}
	in := assessment.CapabilityInput{Confirmed: body.Confirmed, Justification: body.Justification, Target: body.Target,
		Priority: body.Priority, Lead: body.Lead, Version: *body.Version, Base: body.Base.fields()}
	st, err := in.Validate(cd)
	if err != nil {
		return err
	}
	saved, err := s.db.SaveCapability(c.Request().Context(), actor(c), st)
	if err != nil {
		return assessment.ExplainConflict(d.Framework, err)
	}
	cd.Apply(nil, &saved)
	return c.JSON(http.StatusOK, apiCapabilityOf(cd))
}
