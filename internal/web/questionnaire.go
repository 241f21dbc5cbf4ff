package web

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
	"github.com/mnr-self-assessment/mnr/internal/report"
)

// printPage is the printable questionnaire of an assessment or a
// contribution, blank or with the current answers, for committees that
// work on paper.
type printPage struct {
	T           *wbTarget
	Heading     string
	Base        string
	WithAnswers bool
	Judgements  bool
}

func questionnaireData(tr *i18n.Translator, t *wbTarget, withAnswers bool) printPage {
	p := printPage{T: t, WithAnswers: withAnswers, Judgements: t.CD == nil, Base: workbookReturn(t),
		Heading: t.Detail.Assessment.Title + " (" + t.Detail.Assessment.Period + ")"}
	if t.CD != nil {
		p.Heading = tr.T("ContribHeading", "Agency", t.CD.Contribution.Agency.Name, "Title", t.CD.National.Title)
	}
	return p
}

// questionnaireShow is the print page (?answers=1 with the current answers).
func (s *Server) questionnaireShow(contribution bool) func(echo.Context) error {
	return func(c echo.Context) error {
		t, err := s.loadWorkbookTarget(c, contribution)
		if err != nil {
			return err
		}
		p := questionnaireData(s.translator(c), t, c.QueryParam("answers") == "1")
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
		t, err := s.loadWorkbookTarget(c, contribution)
		if err != nil {
			return err
		}
		withAnswers := c.QueryParam("answers") == "1"
		job, err := s.questionnaireJob(t, s.translator(c).Lang.Code, withAnswers)
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

// questionnaireJob renders the page outside the request (nothing of the
// reader in it), so one cached PDF serves every reader of the same
// version and language.
func (s *Server) questionnaireJob(t *wbTarget, lang string, withAnswers bool) (report.Job, error) {
	p := questionnaireData(s.i18n.For(lang), t, withAnswers)
	html, err := s.renderDocument(lang, "questionnaire", pageData{Title: p.Heading, PDF: true, Path: "/", Data: p})
	if err != nil {
		return report.Job{}, err
	}
	variant, id, version := "blank", t.Target.AssessmentID, t.Detail.Assessment.UpdatedAt
	if withAnswers {
		variant = "answers"
	}
	if t.CD != nil {
		variant += "-contribution-" + strconv.FormatInt(t.Target.ContributionID, 10)
		version = latestAnswer(t.Detail, version)
	}
	return report.Job{HTML: html, Lang: lang, Key: report.CacheKey{Doc: "questionnaire", ID: id,
		Version: version.UTC().Format(time.RFC3339Nano), Variant: variant}}, nil
}

// latestAnswer is the time of the newest answer, at least since: a
// contribution's answers do not touch the assessment.
func latestAnswer(d *assessment.Detail, since time.Time) time.Time {
	for _, c := range d.Capabilities {
		for _, a := range c.Answers {
			if a.UpdatedAt.After(since) {
				since = a.UpdatedAt
			}
		}
	}
	return since
}
