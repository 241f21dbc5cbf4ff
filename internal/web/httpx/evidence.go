package httpx

import (
	"context"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// EvidenceTarget resolves /…/assessments/:id/indicators/:key/files for
// whoever may add files there (app.EvidenceTarget); the detail comes back
// with refusals that follow its read.
func EvidenceTarget(c echo.Context, a *app.App) (*assessment.Detail, store.EvidenceTarget, error) {
	id, err := ParamID(c, "id", "assessment")
	if err != nil {
		return nil, store.EvidenceTarget{}, err
	}
	d, t, err := a.EvidenceTarget(c.Request().Context(), Principal(c), id, c.Param("key"))
	if d != nil {
		LogOrganisation(c, d.Assessment.OrganisationID)
	}
	return d, t, err
}

// ContributionEvidenceTarget is EvidenceTarget on /…/contributions/:id.
func ContributionEvidenceTarget(c echo.Context, a *app.App) (*assessment.ContributionDetail, store.EvidenceTarget, error) {
	id, err := ParamID(c, "id", "contribution")
	if err != nil {
		return nil, store.EvidenceTarget{}, err
	}
	return a.ContributionEvidenceTarget(c.Request().Context(), Principal(c), id, c.Param("key"))
}

// ActionFilesTarget resolves /…/actions/:id/files for whoever may add
// files to the action (app.ActionFilesTarget).
func ActionFilesTarget(c echo.Context, a *app.App) (assessment.PlanAction, store.EvidenceTarget, error) {
	id, err := ParamID(c, "id", "action")
	if err != nil {
		return assessment.PlanAction{}, store.EvidenceTarget{}, err
	}
	pt, act, t, err := a.ActionFilesTarget(c.Request().Context(), Principal(c), id)
	if pt != nil {
		LogOrganisation(c, pt.Assessment.OrganisationID)
	}
	return act, t, err
}

// EvidenceFile reads the file of the :id parameter for whoever may read
// it (app.EvidenceFile); anyone else gets "not found".
func EvidenceFile(c echo.Context, a *app.App) (*app.EvidenceOwner, error) {
	return evidenceFile(c, a.EvidenceFile)
}

// EvidenceFileToChange is EvidenceFile for whoever may replace or remove
// the file (app.EvidenceFileToChange: 403 for a reader only, the file
// coming back with the refusal).
func EvidenceFileToChange(c echo.Context, a *app.App) (*app.EvidenceOwner, error) {
	return evidenceFile(c, a.EvidenceFileToChange)
}

func evidenceFile(c echo.Context, load func(ctx context.Context, p *policy.Principal, id int64) (*app.EvidenceOwner, error)) (*app.EvidenceOwner, error) {
	id, err := ParamID(c, "id", "file")
	if err != nil {
		return nil, err
	}
	o, err := load(c.Request().Context(), Principal(c), id)
	if o != nil {
		LogOrganisation(c, o.File.OrganisationID)
	}
	return o, err
}
