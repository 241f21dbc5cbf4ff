package web

import (
	"html/template"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
	"github.com/mnr-self-assessment/mnr/internal/report"
)

// partnerPage is the partner dashboard with what only the HTML page
// shows: sparklines and the list of the viewer's organisations shared
// with, in the page's language.
type partnerPage struct {
	*app.PartnerDashboard
	Sparklines    map[int64]template.HTML // by sharing organisation
	ReceivingList string
}

// partnerDashboard is /partner.
func (s *Server) partnerDashboard(c echo.Context) error {
	tr := s.translator(c)
	return s.app.ShowPartnerDashboard(c.Request().Context(), principal(c), s.fw, tr.Lang.Code, func(d *app.PartnerDashboard) error {
		return s.renderPartners(c, tr, d)
	})
}

// renderPartners renders the dashboard with the page's sparklines.
func (s *Server) renderPartners(c echo.Context, tr *i18n.Translator, d *app.PartnerDashboard) error {
	page := partnerPage{PartnerDashboard: d, Sparklines: map[int64]template.HTML{}}
	for _, m := range d.Partners.Multiples {
		page.Sparklines[m.Organisation.ID] = report.SparklineSVG(m.Means(), multipleLabel(tr, m))
	}
	names := make([]string, len(d.Receiving))
	for i, o := range d.Receiving {
		names[i] = o.Name
	}
	page.ReceivingList = strings.Join(names, tr.T("WorkListSep"))
	return s.render(c, "partner", pageData{Title: tr.T("PartnerTitle"), Data: page})
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
