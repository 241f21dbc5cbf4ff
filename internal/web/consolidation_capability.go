package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// consolidationCapabilityPage shows one capability's contributions side by
// side, indicator by indicator, with the national answer and its source.
type consolidationCapabilityPage struct {
	Detail         *assessment.Detail
	Cons           assessment.CapabilityConsolidation
	Provenance     map[string]string // indicator key → where the national answer came from
	Prev, Next     *assessment.CapabilityDetail
	CanConsolidate bool // may adopt or decide now (role, and not locked)
	Locked         bool
	// The indicator a failed adoption or decision was about, so the error
	// comes back beside it.
	ErrorIndicator string
	Decisions      map[string]decisionForm // per indicator: the stored answer, or what was typed
	Agreed         []assessment.Adoption   // answers every agency agrees on, to adopt in one step
}

// decisionForm is the coordinator's own answer as typed.
type decisionForm struct {
	answerForm
	Reason string
}

func (s *Server) consolidationCapability(c echo.Context) error {
	v, err := httpx.Consolidation(c, s.app)
	if err != nil {
		return err
	}
	d, list, answers := v.Detail, v.Contributions, v.Answers
	cd, err := capabilityIn(d, c.Param("key"))
	if err != nil {
		return err
	}
	return s.renderConsolidationCapability(c, http.StatusOK, d, cd, list, answers, "", nil, nil)
}

func (s *Server) renderConsolidationCapability(c echo.Context, status int, d *assessment.Detail, cd *assessment.CapabilityDetail,
	list []assessment.Contribution, answers map[int64]map[string]assessment.Answer, errIndicator string, decision *decisionForm, formErr *assessment.Error) error {
	page := consolidationCapabilityPage{Detail: d, Cons: assessment.Consolidate(cd, list, answers), Locked: d.Assessment.Status == assessment.StatusApproved,
		ErrorIndicator: errIndicator, Provenance: provenanceOf(s.translator(c), cd, list), Decisions: map[string]decisionForm{}}
	for _, in := range cd.Capability.Indicators {
		a := cd.Answer(in.Key)
		page.Decisions[in.Key] = decisionForm{Reason: a.SourceReason, answerForm: answerForm{Value: a.Value, Evidence: a.Evidence,
			Links: joinLines(a.Links), Note: a.Note, Version: a.Version}}
	}
	if decision != nil {
		page.Decisions[errIndicator] = *decision
	}
	page.CanConsolidate = policy.CanConsolidate(principal(c), &d.Assessment) && !page.Locked
	if page.CanConsolidate {
		page.Agreed = page.Cons.Unanimous()
	}
	page.Prev, page.Next = d.Neighbours(cd.Capability.Key)
	tr := s.translator(c)
	title := tr.T("ConsolCapTitle", "Capability", cd.Capability.Short.In(tr.Lang.Code), "Title", d.Assessment.Title)
	return s.renderStatus(c, status, "consolidation_capability", pageData{Title: title, Error: formErr, Data: page})
}
