package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/view"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// questionnaireShow is the print page (?answers=1 with the current answers).
func (s *Server) questionnaireShow(contribution bool) func(echo.Context) error {
	return func(c echo.Context) error {
		t, err := httpx.WorkbookTarget(c, s.app, contribution)
		if err != nil {
			return err
		}
		p := view.NewPrintPage(s.translator(c), t, c.QueryParam("answers") == "1")
		return s.render(c, "questionnaire", pageData{Title: p.Heading, Data: p})
	}
}

// questionnairePDF prints the questionnaire through the server's one
// bounded renderer, like the report.
func (s *Server) questionnairePDF(contribution bool) func(echo.Context) error {
	return func(c echo.Context) error {
		if s.cfg.Chrome == "" {
			return assessment.Errorf(assessment.ENOTFOUND, "PDF export is not available on this server (no Chromium installed); use Print in your browser instead")
		}
		t, err := httpx.WorkbookTarget(c, s.app, contribution)
		if err != nil {
			return err
		}
		withAnswers := c.QueryParam("answers") == "1"
		job, err := s.view.QuestionnaireJob(t, s.translator(c).Lang.Code, withAnswers)
		if err != nil {
			return err
		}
		job.User = "user:" + strconv.FormatInt(principal(c).User.ID, 10)
		pdf, err := s.pdf.Render(c.Request().Context(), job)
		if err != nil {
			return fmt.Errorf("questionnaire of %s: %w", t.Target, err)
		}
		name := "mnr-questionnaire-" + strconv.FormatInt(t.Target.AssessmentID, 10)
		if t.CD != nil {
			name += "-contribution-" + strconv.FormatInt(t.Target.ContributionID, 10)
		}
		c.Response().Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s.pdf"`, name))
		return c.Blob(http.StatusOK, "application/pdf", pdf)
	}
}
