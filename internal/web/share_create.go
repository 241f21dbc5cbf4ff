package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// shareCreate records the owner's consent from the sharing form: the
// partner by its exact name, one assessment or all approved ones.
func (s *Server) shareCreate(c echo.Context) error {
	org, err := s.loadOrganisation(c, policy.CanManageSharing, sharingRefusal)
	if err != nil {
		return err
	}
	aid, _ := strconv.ParseInt(strings.TrimSpace(c.FormValue("assessment_id")), 10, 64)
	in := assessment.ShareInput{PartnerName: c.FormValue("partner"), AssessmentID: aid}
	sh, err := s.createShare(c, org.ID, in)
	if err != nil {
		if de, ok := assessment.AsError(err); ok && (de.Code == assessment.EINVALID || de.Code == assessment.ECONFLICT) {
			return s.renderSharing(c, statusOf[de.Code], org, sharingPage{Partner: in.PartnerName, AssessmentID: aid}, de)
		}
		return err
	}
	flash(c, s.translator(c).T("ShareFlashCreated", "Name", sh.PartnerName))
	return c.Redirect(http.StatusSeeOther, links.Sharing(org.ID))
}

// createShare validates and stores a share; the caller checked the owner.
func (s *Server) createShare(c echo.Context, orgID int64, in assessment.ShareInput) (assessment.Share, error) {
	return s.app.CreateShare(c.Request().Context(), actor(c), orgID, in)
}
