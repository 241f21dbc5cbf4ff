package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/report"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

type apiProgress struct {
	OrganisationID   int64                   `json:"organisation_id"`
	FrameworkVersion string                  `json:"framework_version"`
	Cycles           []apiProgressCycle      `json:"cycles"`
	Capabilities     []apiProgressCapability `json:"capabilities"`
	Domains          []apiProgressDomain     `json:"domains"`
	MovedUp          []string                `json:"moved_up"`
	Slipped          []string                `json:"slipped"`
	NoMapping        []string                `json:"no_mapping"`
}

type apiProgressCycle struct {
	AssessmentID     int64  `json:"assessment_id"`
	Title            string `json:"title"`
	Period           string `json:"period"`
	Status           string `json:"status"`
	Draft            bool   `json:"draft"`
	FrameworkVersion string `json:"framework_version"`
	Comparable       bool   `json:"comparable"`
}

// apiProgressCapability has one phase per cycle: null when out of scope,
// not assessed, or without a mapping (then no_mapping lists the cycle index).
type apiProgressCapability struct {
	Key       string `json:"key"`
	Number    int    `json:"number"`
	Domain    string `json:"domain"`
	Phases    []*int `json:"phases"`
	NoMapping []int  `json:"no_mapping_in_cycles"`
	Direction string `json:"direction"`
	// Actions: of the previous cycle's actions for this capability (dropped
	// ones left out), how many are done since; null with fewer than two
	// comparable cycles or when it had none.
	Actions *apiActionCount `json:"actions"`
}

type apiActionCount struct {
	Done  int `json:"done"`
	Total int `json:"total"`
}

type apiProgressDomain struct {
	Key       string     `json:"key"`
	Means     []*float64 `json:"mean_phases"`
	Direction string     `json:"direction"`
}

// apiProgressShow is GET /api/v1/organisations/:id/progress.
func (s *handlers) apiProgressShow(c echo.Context) error {
	id, err := httpx.ParamID(c, "id", "organisation")
	if err != nil {
		return err
	}
	lang := httpx.Translator(c, s.i18n).Lang.Code // names unused here: keys only
	org, p, err := s.app.Progress(c.Request().Context(), httpx.Principal(c), s.fw, id, lang)
	if err != nil {
		return err
	}
	out := apiProgress{OrganisationID: org.ID, FrameworkVersion: s.fw.Version, Cycles: []apiProgressCycle{},
		MovedUp: progressKeys(p.MovedUp), Slipped: progressKeys(p.Slipped), NoMapping: progressKeys(p.NoMapping)}
	for _, cy := range p.Cycles {
		out.Cycles = append(out.Cycles, apiProgressCycle{AssessmentID: cy.AssessmentID, Title: cy.Title, Period: cy.Period,
			Status: string(cy.Status), Draft: cy.Draft, FrameworkVersion: cy.FrameworkVersion, Comparable: cy.Comparable})
	}
	for _, cp := range p.Capabilities {
		ac := apiProgressCapability{Key: cp.Key, Number: cp.Number, Domain: cp.DomainKey, Phases: []*int{}, NoMapping: []int{}, Direction: string(cp.Direction)}
		if n, ok := p.Actions[cp.Key]; ok && n.Total > 0 {
			ac.Actions = &apiActionCount{Done: n.Done, Total: n.Total}
		}
		for i, pt := range cp.Points {
			ac.Phases = append(ac.Phases, pt.Phase)
			if pt.NoMapping {
				ac.NoMapping = append(ac.NoMapping, i)
			}
		}
		out.Capabilities = append(out.Capabilities, ac)
	}
	for _, d := range p.Domains {
		out.Domains = append(out.Domains, apiProgressDomain{Key: d.Key, Means: d.Means, Direction: string(d.Direction)})
	}
	return c.JSON(http.StatusOK, out)
}

func progressKeys(cs []report.CapabilityProgress) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, c.Key)
	}
	return out
}
