package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// resolveComment is the one path for closing a thread: the comment of an
// assessment the caller cannot see is not found (404), one they may not
// resolve is forbidden (403); resolved or locked is a conflict (409).
func (s *Server) resolveComment(c echo.Context) (assessment.Comment, error) {
	id, err := paramID(c, "id", "comment")
	if err != nil {
		return assessment.Comment{}, err
	}
	ctx := c.Request().Context()
	cm, err := s.db.Comment(ctx, id)
	if err != nil {
		return cm, err
	}
	a, err := s.db.Assessment(ctx, cm.AssessmentID)
	if err != nil {
		return cm, err
	}
	p := principal(c)
	if !policy.CanViewAssessment(p, &a) {
		return cm, assessment.NotFound("comment")
	}
	if !policy.CanResolveComment(p, &a, cm) {
		return cm, assessment.Errorf(assessment.EFORBIDDEN, "Only reviewers, coordinators, owners and the comment's author may resolve it.")
	}
	return s.db.ResolveComment(ctx, actor(c), id)
}

// commentResolve takes the Resolve button of a thread.
func (s *Server) commentResolve(c echo.Context) error {
	cm, err := s.resolveComment(c)
	if err != nil {
		return err
	}
	flash(c, s.translator(c).T("WorkCommentResolved"))
	return c.Redirect(http.StatusSeeOther, commentReturn(cm.AssessmentID, c.FormValue("return_to"), cm))
}
