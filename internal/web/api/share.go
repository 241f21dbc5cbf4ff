package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// apiShareList is GET /api/v1/organisations/:id/shares (owners).
func (s *handlers) apiShareList(c echo.Context) error {
	org, err := httpx.Organisation(c, s.app, policy.CanManageSharing, policy.SharingRefusal)
	if err != nil {
		return err
	}
	list, err := s.db.Shares(c.Request().Context(), org.ID)
	if err != nil {
		return err
	}
	out := make([]apiShare, 0, len(list))
	for _, sh := range list {
		out = append(out, apiShareOf(sh))
	}
	return c.JSON(http.StatusOK, map[string]any{"shares": out})
}

// apiShareCreate takes {"partner_organisation_id": N} or
// {"partner_name": "…"}, and "assessment_id" (absent or null: all approved).
func (s *handlers) apiShareCreate(c echo.Context) error {
	org, err := httpx.Organisation(c, s.app, policy.CanManageSharing, policy.SharingRefusal)
	if err != nil {
		return err
	}
	var body struct {
		PartnerID    int64  `json:"partner_organisation_id"`
		PartnerName  string `json:"partner_name"`
		AssessmentID *int64 `json:"assessment_id"`
	}
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return err
	}
	in := assessment.ShareInput{PartnerID: body.PartnerID, PartnerName: body.PartnerName, NameField: "partner_name"}
	if body.AssessmentID != nil {
		if *body.AssessmentID <= 0 {
			return assessment.FieldError("assessment_id", "must be the id of an assessment, or null for all approved assessments")
		}
		in.AssessmentID = *body.AssessmentID
	}
	sh, err := s.app.CreateShare(c.Request().Context(), httpx.Actor(c), org.ID, in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, apiShareOf(sh))
}

// apiShareRevoke is DELETE /api/v1/shares/:id: the owner of the sharing
// organisation revokes; anyone outside it gets 404.
func (s *handlers) apiShareRevoke(c echo.Context) error {
	id, err := httpx.ParamID(c, "id", "share")
	if err != nil {
		return err
	}
	sh, err := s.app.RevokeShare(c.Request().Context(), httpx.Principal(c), httpx.Actor(c), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, apiShareOf(sh))
}
