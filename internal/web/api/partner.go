package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/report"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

type apiPartnerDashboard struct {
	Note          string             `json:"note"`
	MinOrgs       int                `json:"min_organisations_per_figure"`
	Organisations []apiPartnerSeries `json:"organisations"` // alphabetical by country, then name
	Aggregates    []apiAggregate     `json:"aggregates"`
}

type apiPartnerSeries struct {
	Organisation apiOrganisation   `json:"organisation"`
	Cycles       []apiPartnerCycle `json:"cycles"`
	Reports      []apiAssessment   `json:"reports"`
}

type apiPartnerCycle struct {
	AssessmentID     int64    `json:"assessment_id"`
	Period           string   `json:"period"`
	National         bool     `json:"national"`
	MeanPhase        *float64 `json:"mean_phase"`
	Established      int      `json:"established"`
	Assessed         int      `json:"assessed"`
	EstablishedShare *float64 `json:"established_share"`
}

// apiAggregate carries a figure only when shown; otherwise both numbers are
// null, so a client cannot display what the page withholds.
type apiAggregate struct {
	Capability  string `json:"capability"`
	Shown       bool   `json:"shown"`
	Established *int   `json:"established_or_above"`
	Of          *int   `json:"of"`
}

// apiPartnerDashboard is GET /api/v1/partner/dashboard, answered within
// the dashboard's turn (its output is megabytes). Names in English: the
// API carries keys only.
func (s *handlers) apiPartnerDashboard(c echo.Context) error {
	return s.app.ShowPartnerDashboard(c.Request().Context(), httpx.Principal(c), s.fw, "en", func(d *app.PartnerDashboard) error {
		return c.JSON(http.StatusOK, partnerJSON(d))
	})
}

// partnerJSON is the dashboard as the API shows it.
func partnerJSON(d *app.PartnerDashboard) apiPartnerDashboard {
	out := apiPartnerDashboard{Note: "Organisations are listed alphabetically; this is not a ranking.", MinOrgs: report.MinContributors,
		Organisations: []apiPartnerSeries{}, Aggregates: []apiAggregate{}}
	for _, m := range d.Partners.Multiples {
		ser := apiPartnerSeries{Organisation: apiOrganisationOf(m.Organisation), Cycles: []apiPartnerCycle{}, Reports: []apiAssessment{}}
		for _, cy := range m.Cycles {
			ser.Cycles = append(ser.Cycles, apiPartnerCycle{AssessmentID: cy.AssessmentID, Period: cy.Period, National: cy.National,
				MeanPhase: cy.Scores.Mean, Established: cy.Scores.Established, Assessed: cy.Scores.Assessed, EstablishedShare: cy.Scores.EstablishedShare})
		}
		for _, a := range d.Reports[m.Organisation.ID] {
			ser.Reports = append(ser.Reports, apiAssessmentOf(a))
		}
		out.Organisations = append(out.Organisations, ser)
	}
	for _, a := range d.Partners.Aggregates {
		ag := apiAggregate{Capability: a.Key, Shown: a.Shown}
		if a.Shown {
			n, of := a.Figure.Count, a.Figure.Of
			ag.Established, ag.Of = &n, &of
		}
		out.Aggregates = append(out.Aggregates, ag)
	}
	return out
}
