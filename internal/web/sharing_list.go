package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// sharingRefusal is policy.SharingRefusal.
const sharingRefusal = policy.SharingRefusal

// sharingPage lists an organisation's shares and offers a new one.
type sharingPage struct {
	Organisation assessment.Organisation
	Shares       []assessment.Share
	Assessments  []assessment.Assessment
	Partner      string // typed before an error
	AssessmentID int64
}

// sharingList is /organisations/:id/sharing, for owners.
func (s *Server) sharingList(c echo.Context) error {
	org, err := s.loadOrganisation(c, policy.CanManageSharing, sharingRefusal)
	if err != nil {
		return err
	}
	return s.renderSharing(c, http.StatusOK, org, sharingPage{}, nil)
}

func (s *Server) renderSharing(c echo.Context, status int, org assessment.Organisation, page sharingPage, formErr *assessment.Error) error {
	ctx := c.Request().Context()
	var err error
	page.Organisation = org
	if page.Shares, err = s.db.Shares(ctx, org.ID); err != nil {
		return err
	}
	if page.Assessments, err = s.db.Assessments(ctx, []int64{org.ID}); err != nil {
		return err
	}
	return s.renderStatus(c, status, "sharing", pageData{Title: s.translator(c).T("SharePageTitle", "Name", org.Name), Error: formErr, Data: page})
}
