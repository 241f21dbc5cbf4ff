package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/report"
	"github.com/mnr-self-assessment/mnr/internal/view"
)

// loadReport is the report of the assessment in :id for the reader
// (members, and partners it is shared with), compared with the
// organisation's previous approved cycle when the reader may see it. The
// report and detail are shared through app's cache: read only.
func (s *Server) loadReport(c echo.Context) (*report.Report, *assessment.Detail, error) {
	id, err := paramID(c, "id", "assessment")
	if err != nil {
		return nil, nil, err
	}
	v, err := s.app.Report(c.Request().Context(), principal(c), id, s.translator(c).Lang.Code, s.cfg.Now())
	if err != nil {
		return nil, nil, err
	}
	logOrganisation(c, v.Detail.Assessment.OrganisationID)
	return v.Report, v.Detail, nil
}

func (s *Server) reportPageData(r *report.Report, short bool) view.ReportPage {
	return view.NewReportPage(r, short, s.cfg.Chrome != "")
}
