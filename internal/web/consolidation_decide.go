package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
	"github.com/mnr-self-assessment/mnr/internal/view"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// consolidationDecide takes the "Write the national answer" form of one
// indicator; errors come back beside it with the input kept.
func (s *Server) consolidationDecide(c echo.Context) error {
	v, err := httpx.Consolidation(c, s.app)
	if err != nil {
		return err
	}
	d, list, answers := v.Detail, v.Contributions, v.Answers
	cd, err := capabilityIn(d, c.Param("key"))
	if err != nil {
		return err
	}
	key := c.FormValue("indicator")
	if !indicatorOf(d, cd, key) {
		return assessment.NotFound("indicator")
	}
	version, _ := strconv.Atoi(c.FormValue("version"))
	linkText := c.FormValue("links")
	in := assessment.DecisionInput{Reason: c.FormValue("reason"), AnswerInput: assessment.AnswerInput{Value: c.FormValue("answer"),
		Evidence: c.FormValue("evidence"), Links: assessment.SplitLinks(linkText), Note: c.FormValue("note"), Version: version}}
	typed := decisionForm{Reason: in.Reason, answerForm: answerForm{Value: assessment.AnswerValue(in.Value), Evidence: in.Evidence, Links: linkText, Note: in.Note, Version: version}}
	saved, err := s.app.DecideAnswer(c.Request().Context(), principal(c), actor(c), d, key, in)
	if err != nil {
		if de, ok := assessment.AsError(err); ok && (de.Code == assessment.EINVALID || de.Code == assessment.ECONFLICT) {
			if cur, ok := de.Current.(assessment.Answer); ok {
				typed.Version = cur.Version // resubmitting now knowingly replaces the other change
			}
			return s.renderConsolidationCapability(c, statusOf[de.Code], d, cd, list, answers, key, &typed, de)
		}
		return err
	}
	tr := s.translator(c)
	flash(c, tr.T("ConsolFlashDecided", "Indicator", assessment.IndicatorNumber(d.Framework.Indicator(key)), "Answer", view.AnswerLabel(tr, saved.Value)))
	return c.Redirect(http.StatusSeeOther, links.ConsolidationCapability(d.Assessment.ID, cd.Capability.Key)+"#"+key)
}
