package web

import (
	"github.com/mnr-self-assessment/mnr/internal/report"
	"github.com/mnr-self-assessment/mnr/internal/view"
)

func (s *Server) reportPageData(r *report.Report, short bool) view.ReportPage {
	return view.NewReportPage(r, short, s.cfg.Chrome != "")
}
