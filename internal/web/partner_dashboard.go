package web

import (
	"html/template"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/report"
)

// partnerPage is what a partner organisation's members see of those who
// share with it.
type partnerPage struct {
	Receiving  []assessment.Organisation // the viewer's organisations shared with
	Partners   *report.Partners
	Reports    map[int64][]assessment.Assessment // by sharing organisation, newest first
	Sparklines map[int64]template.HTML           // by sharing organisation
	Min        int
	// ReceivingList names the viewer's organisations shared with, in the
	// page's language.
	ReceivingList string
}

// partnerDashboard is /partner.
func (s *Server) partnerDashboard(c echo.Context) error {
	page, err := s.loadPartners(c)
	if err != nil {
		return err
	}
	tr := s.translator(c)
	page.Sparklines = map[int64]template.HTML{}
	for _, m := range page.Partners.Multiples {
		page.Sparklines[m.Organisation.ID] = report.SparklineSVG(m.Means(), multipleLabel(tr, m))
	}
	names := make([]string, len(page.Receiving))
	for i, o := range page.Receiving {
		names[i] = o.Name
	}
	page.ReceivingList = strings.Join(names, tr.T("WorkListSep"))
	return s.render(c, "partner", pageData{Title: tr.T("PartnerTitle"), Data: page})
}

// loadPartners gathers every assessment shared with the viewer's
// organisations (the principal's SharedWith, so revocation applies at
// once), grouped by sharing organisation; approved ones feed the small
// multiples and the aggregates.
func (s *Server) loadPartners(c echo.Context) (*partnerPage, error) {
	p := principal(c)
	if !policy.CanViewPartnerDashboard(p) {
		return nil, assessment.Errorf(assessment.EFORBIDDEN, "The partner view is for members of an organisation that others share their reports with.")
	}
	ctx := c.Request().Context()
	page := &partnerPage{Reports: map[int64][]assessment.Assessment{}, Min: report.MinContributors}
	shares, err := s.db.SharesWith(ctx, p.OrganisationIDs())
	if err != nil {
		return nil, err
	}
	sharing, receiving := map[int64]bool{}, map[int64]bool{}
	orgIDs, recIDs := []int64{}, []int64{} // never nil: nil lists every organisation
	for _, sh := range shares {
		if !sharing[sh.OrganisationID] {
			sharing[sh.OrganisationID] = true
			orgIDs = append(orgIDs, sh.OrganisationID)
		}
		if !receiving[sh.PartnerOrganisationID] {
			receiving[sh.PartnerOrganisationID] = true
			recIDs = append(recIDs, sh.PartnerOrganisationID)
		}
	}
	if page.Receiving, err = s.db.Organisations(ctx, recIDs); err != nil {
		return nil, err
	}
	orgs, err := s.db.Organisations(ctx, orgIDs)
	if err != nil {
		return nil, err
	}
	list, err := s.db.Assessments(ctx, orgIDs)
	if err != nil {
		return nil, err
	}
	var approvedIDs []int64
	for _, a := range list {
		if !p.SharedWith[a.ID] {
			continue
		}
		page.Reports[a.OrganisationID] = append(page.Reports[a.OrganisationID], a)
		if a.Status == assessment.StatusApproved {
			approvedIDs = append(approvedIDs, a.ID)
		}
	}
	details, err := s.app.Details(ctx, approvedIDs) // all at once, not one by one
	if err != nil {
		return nil, err
	}
	approved := map[int64][]*assessment.Detail{}
	for _, d := range details {
		approved[d.Assessment.OrganisationID] = append(approved[d.Assessment.OrganisationID], d)
	}
	// Names in the page's language; the API carries keys only.
	page.Partners = report.BuildPartners(s.fw, orgs, approved, s.translator(c).Lang.Code)
	return page, nil
}

// multipleLabel is a small multiple's text alternative, in the page's
// language.
func multipleLabel(tr *i18n.Translator, m report.Multiple) string {
	if len(m.Cycles) == 0 {
		return tr.T("PartnerSparkNone", "Name", m.Organisation.Name)
	}
	parts := make([]string, len(m.Cycles))
	for i, cy := range m.Cycles {
		mean := tr.T("ProgressPointNotAssessed")
		if cy.Scores.Mean != nil {
			mean = tr.T("PartnerSparkMean", "Mean", tr.Decimal(*cy.Scores.Mean, 1))
		}
		parts[i] = tr.T("ProgressSparkPoint", "Period", cy.Period, "Value", mean)
	}
	return tr.T("ProgressSparkLabel", "Name", m.Organisation.Name, "List", strings.Join(parts, tr.T("WorkListSep")))
}
