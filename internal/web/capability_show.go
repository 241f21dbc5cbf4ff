package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// questionnairePage is what the capability page shows for an assessment
// and for a contribution alike.
type questionnairePage struct {
	Cap             *assessment.CapabilityDetail
	Prev, Next      *assessment.CapabilityDetail
	Position        int
	Total           int // capabilities in scope, or enablers for an enabler
	CanEdit         bool
	Recommendations []framework.Recommendation
	Answers         map[string]*answerForm
	Evidence        *evidenceView // each indicator's files and upload form
}

// capabilityShow shows one capability of an assessment or of a
// contribution, to answer it.
func (s *Server) capabilityShow(kind app.Kind) echo.HandlerFunc {
	return func(c echo.Context) error {
		t, err := targetOf(c, kind)
		if err != nil {
			return err
		}
		v, err := s.app.LoadCapability(c.Request().Context(), principal(c), t, c.Param("key"))
		if err != nil {
			return err
		}
		return s.renderCapability(c, http.StatusOK, v, nil, nil, nil)
	}
}

// renderCapability shows the capability page of either kind; submitted
// values, when given, replace the stored ones so nothing the user typed is
// lost on an error.
func (s *Server) renderCapability(c echo.Context, status int, v *app.CapabilityView,
	submitted map[string]*answerForm, judgement *judgementForm, formErr *assessment.Error) error {
	noteView(c, v)
	q := questionnairePage{Cap: v.Cap, Prev: v.Prev, Next: v.Next, Position: v.Position, Total: v.Total, CanEdit: v.MayEdit,
		Recommendations: v.Detail.Framework.RecommendationsFor(v.Cap.Capability), Answers: map[string]*answerForm{}}
	for _, in := range v.Cap.Capability.Indicators {
		if f, ok := submitted[in.Key]; ok {
			q.Answers[in.Key] = f
			continue
		}
		q.Answers[in.Key] = storedAnswerForm(v.Cap.Answer(in.Key))
	}
	var err error
	if q.Evidence, err = s.questionnaireEvidence(c, v); err != nil {
		return err
	}
	if v.Contribution != nil {
		return s.renderContributionCapability(c, status, v, q, formErr)
	}
	return s.renderAssessmentCapability(c, status, v, q, judgement, formErr)
}

// targetOf names the questionnaire of a route: /assessments/:id/… or
// /contributions/:id/….
func targetOf(c echo.Context, kind app.Kind) (app.Target, error) { return httpx.TargetOf(c, kind) }

// noteView records the organisation of an assessment's page in the
// request log.
func noteView(c echo.Context, v *app.CapabilityView) { httpx.NoteView(c, v) }
