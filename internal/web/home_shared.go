package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// sharedReport is an assessment another organisation shares with one of
// the user's organisations, for the home page.
type sharedReport struct {
	Organisation assessment.Organisation
	Assessment   assessment.Assessment
}

// sharedReports lists what is shared with the user's organisations (the
// principal's SharedWith, so a revoked share disappears at once), so that
// partners land on it rather than on an empty list of their own.
func (s *Server) sharedReports(c echo.Context) ([]sharedReport, error) {
	p := principal(c)
	if len(p.SharedWith) == 0 {
		return nil, nil
	}
	ctx := c.Request().Context()
	shares, err := s.db.SharesWith(ctx, p.OrganisationIDs())
	if err != nil {
		return nil, err
	}
	seen, orgIDs := map[int64]bool{}, []int64{}
	for _, sh := range shares {
		if !seen[sh.OrganisationID] {
			seen[sh.OrganisationID] = true
			orgIDs = append(orgIDs, sh.OrganisationID)
		}
	}
	if len(orgIDs) == 0 {
		return nil, nil
	}
	orgs, err := s.db.Organisations(ctx, orgIDs)
	if err != nil {
		return nil, err
	}
	list, err := s.db.Assessments(ctx, orgIDs)
	if err != nil {
		return nil, err
	}
	var out []sharedReport
	for _, o := range orgs {
		for _, a := range list {
			if a.OrganisationID == o.ID && p.SharedWith[a.ID] {
				out = append(out, sharedReport{Organisation: o, Assessment: a})
			}
		}
	}
	return out, nil
}
