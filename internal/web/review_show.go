package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// reviewPage lists where the assessment stands, the steps the viewer may
// take, the general threads, and the open threads of every capability.
type reviewPage struct {
	Detail       *assessment.Detail
	Actions      []assessment.Transition
	Text         string // the comment or reason typed before an error
	General      commentPanel
	Capabilities []reviewCapability
	Open         int
	Carried      int
	Confirm      *approveConfirm // asking before an approval with open points
}

type reviewCapability struct {
	Cap   *assessment.CapabilityDetail
	Panel commentPanel
}

func (s *Server) reviewShow(c echo.Context) error {
	d, err := s.loadDetail(c)
	if err != nil {
		return err
	}
	return s.renderReview(c, http.StatusOK, d, nil, "")
}

// renderReview shows the review page, with an error and the typed text
// when a step was refused.
func (s *Server) renderReview(c echo.Context, status int, d *assessment.Detail, formErr *assessment.Error, text string) error {
	return s.renderReviewWith(c, status, d, formErr, text, nil)
}

// renderReviewWith is renderReview with a confirmation step, or nil.
func (s *Server) renderReviewWith(c echo.Context, status int, d *assessment.Detail, formErr *assessment.Error, text string, confirm *approveConfirm) error {
	threads, err := s.threadsOf(c, d.Assessment.ID)
	if err != nil {
		return err
	}
	p := principal(c)
	page := reviewPage{Detail: d, Text: text, Carried: carriedCount(d), Confirm: confirm,
		General: newCommentPanel(c, &d.Assessment, threads, "", s.translator(c).T("ReviewGeneralComments"), "review")}
	for _, t := range assessment.Available(d.Assessment.Status) {
		if policy.CanTransition(p, &d.Assessment, t.Action) {
			page.Actions = append(page.Actions, t)
		}
	}
	page.Open = page.General.Open
	for _, cd := range d.Capabilities {
		panel := newCommentPanel(c, &d.Assessment, threads, cd.Capability.Key, "", "review")
		page.Open += panel.Open
		if len(panel.Threads) > 0 {
			page.Capabilities = append(page.Capabilities, reviewCapability{Cap: cd, Panel: panel})
		}
	}
	return s.renderStatus(c, status, "review", pageData{Title: s.translator(c).T("ReviewPageTitle", "Name", d.Assessment.Title), Error: formErr, Data: page})
}

// carriedCount counts answers carried forward and not yet confirmed.
func carriedCount(d *assessment.Detail) int {
	n := 0
	for _, cd := range d.Capabilities {
		n += carriedIn(cd)
	}
	return n
}

func carriedIn(cd *assessment.CapabilityDetail) int {
	n := 0
	for _, a := range cd.Answers {
		if a.CarriedForward {
			n++
		}
	}
	return n
}
