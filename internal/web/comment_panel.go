package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// commentPanel is what the "comments" partial shows: the threads of one
// capability (or of the assessment as a whole) and the forms to add to them.
type commentPanel struct {
	CSRF          string
	AssessmentID  int64
	CapabilityKey string
	Heading       string
	ReturnTo      string // "capability" or "review": where the forms come back to
	Threads       []threadView
	Open          int
	CanComment    bool
	Locked        bool
}

// threadView is a thread with whether the viewer may resolve it.
type threadView struct {
	assessment.Comment
	CanResolve bool
}

// newCommentPanel builds the panel for one capability key ("" = general)
// from the assessment's threads.
func newCommentPanel(c echo.Context, a *assessment.Assessment, threads []assessment.Comment, key, heading, returnTo string) commentPanel {
	p := principal(c)
	csrf, _ := c.Get("csrf").(string)
	panel := commentPanel{CSRF: csrf, AssessmentID: a.ID, CapabilityKey: key, Heading: heading, ReturnTo: returnTo,
		CanComment: policy.CanComment(p, a, key), Locked: a.Status == assessment.StatusApproved}
	for _, t := range threads {
		if t.CapabilityKey != key {
			continue
		}
		panel.Threads = append(panel.Threads, threadView{Comment: t, CanResolve: policy.CanResolveComment(p, a, t)})
		if !t.Resolved() {
			panel.Open++
		}
	}
	return panel
}

// threadsOf loads an assessment's comments grouped into threads.
func (s *Server) threadsOf(c echo.Context, assessmentID int64) ([]assessment.Comment, error) {
	return s.app.Threads(c.Request().Context(), assessmentID)
}
