package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// resolveComment closes the thread of the comment :id (app.ResolveComment).
func (s *Server) resolveComment(c echo.Context) (assessment.Comment, error) {
	id, err := paramID(c, "id", "comment")
	if err != nil {
		return assessment.Comment{}, err
	}
	return s.app.ResolveComment(c.Request().Context(), principal(c), actor(c), id)
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
