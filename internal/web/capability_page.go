package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// capabilityPage is an assessment's capability: the questionnaire, the
// phase judgement, carried-forward answers, comments and provenance.
type capabilityPage struct {
	questionnairePage
	Detail     *assessment.Detail
	Locked     bool
	Judgement  judgementForm
	Review     capabilityReview
	Provenance map[string]string // indicator key → where the national answer came from
	Reworked   map[string]string // carried answers whose indicator changed → earlier version
}

func (s *Server) renderAssessmentCapability(c echo.Context, status int, v *app.CapabilityView, q questionnairePage,
	judgement *judgementForm, formErr *assessment.Error) error {
	d, cd := v.Detail, v.Cap
	page := capabilityPage{questionnairePage: q, Detail: d, Locked: v.Closed != nil}
	if judgement != nil {
		page.Judgement = *judgement
	} else {
		st := cd.State
		page.Judgement = judgementForm{Confirmed: phaseString(st.Confirmed), Justification: st.Justification,
			Target: phaseString(st.Target), Priority: string(st.Priority), Lead: st.Lead, Version: st.Version, Base: st.Fields()}
	}
	var err error
	if page.Review, err = s.capabilityReview(c, d, cd); err != nil {
		return err
	}
	if page.Provenance, err = s.capabilityProvenance(c, d, cd); err != nil {
		return err
	}
	if page.Reworked, err = s.carriedReworked(c, d, cd); err != nil {
		return err
	}
	title := cd.Capability.Short.In(s.translator(c).Lang.Code) + " – " + d.Assessment.Title
	return s.renderStatus(c, status, "capability_show", pageData{Title: title, Error: formErr, Data: page})
}
