package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
)

// commentCreate takes the comment and reply forms of the capability and
// review pages, and goes back to where the form was.
func (s *Server) commentCreate(c echo.Context) error {
	d, err := s.loadDetail(c)
	if err != nil {
		return err
	}
	parent, _ := strconv.ParseInt(strings.TrimSpace(c.FormValue("parent_id")), 10, 64)
	in := assessment.CommentInput{CapabilityKey: c.FormValue("capability"), ParentID: parent, Body: c.FormValue("body")}
	saved, err := s.app.AddComment(c.Request().Context(), principal(c), actor(c), d, in)
	if err != nil {
		return s.commentFormError(c, d, in.CapabilityKey, err)
	}
	flash(c, s.translator(c).T("WorkCommentAdded"))
	return c.Redirect(http.StatusSeeOther, commentReturn(d.Assessment.ID, c.FormValue("return_to"), saved))
}

// commentReturn is the page a comment form goes back to, anchored at the
// thread; only two targets exist, so the form cannot redirect elsewhere.
func commentReturn(assessmentID int64, returnTo string, cm assessment.Comment) string {
	anchor := fmt.Sprintf("#comment-%d", cm.ID)
	if cm.ParentID != nil {
		anchor = fmt.Sprintf("#comment-%d", *cm.ParentID)
	}
	if returnTo == "capability" && cm.CapabilityKey != "" {
		return links.Capability(assessmentID, cm.CapabilityKey) + anchor
	}
	return links.Review(assessmentID) + anchor
}

// commentFormError shows a refused comment on the page it came from, with
// the reason (an empty comment, a locked assessment).
func (s *Server) commentFormError(c echo.Context, d *assessment.Detail, key string, err error) error {
	de, ok := assessment.AsError(err)
	if !ok || (de.Code != assessment.EINVALID && de.Code != assessment.ECONFLICT) {
		return err
	}
	if d.Capability(key) != nil && c.FormValue("return_to") == "capability" {
		v, err := s.app.LoadCapability(c.Request().Context(), principal(c), app.AssessmentTarget(d.Assessment.ID), key)
		if err != nil {
			return err
		}
		return s.renderCapability(c, statusOf[de.Code], v, nil, nil, de)
	}
	return s.renderReview(c, statusOf[de.Code], d, de, "")
}
