package view

import (
	"strconv"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
	"github.com/mnr-self-assessment/mnr/internal/links"
	"github.com/mnr-self-assessment/mnr/internal/report"
	"github.com/mnr-self-assessment/mnr/internal/workbook"
)

// PrintPage is the printable questionnaire of an assessment or a
// contribution, blank or with the current answers, for committees that
// work on paper.
type PrintPage struct {
	T           *workbook.Subject
	Heading     string
	Base        string
	WithAnswers bool
	Judgements  bool
}

// SubjectPath is the overview of a workbook's subject.
func SubjectPath(t *workbook.Subject) string {
	if t.CD != nil {
		return links.Contribution(t.Target.ContributionID)
	}
	return links.Assessment(t.Target.AssessmentID)
}

// NewPrintPage is the questionnaire of t in tr's language.
func NewPrintPage(tr *i18n.Translator, t *workbook.Subject, withAnswers bool) PrintPage {
	p := PrintPage{T: t, WithAnswers: withAnswers, Judgements: t.CD == nil, Base: SubjectPath(t),
		Heading: t.Detail.Assessment.Title + " (" + t.Detail.Assessment.Period + ")"}
	if t.CD != nil {
		p.Heading = tr.T("ContribHeading", "Agency", t.CD.Contribution.Agency.Name, "Title", t.CD.National.Title)
	}
	return p
}

// QuestionnaireJob renders the questionnaire without a request (nothing of
// a reader in it), so one cached PDF serves every reader of the same
// version and language.
func (v *View) QuestionnaireJob(t *workbook.Subject, lang string, withAnswers bool) (report.Job, error) {
	p := NewPrintPage(v.i18n.For(lang), t, withAnswers)
	html, err := v.Render(lang, "questionnaire", Page{Title: p.Heading, PDF: true, Path: "/", Data: p})
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
