package httpx

import (
	"context"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/workbook"
)

// Contribution reads the contribution of the :id parameter for whoever
// may see it (app.Contribution); anyone else gets "not found".
func Contribution(c echo.Context, a *app.App) (*assessment.ContributionDetail, error) {
	id, err := ParamID(c, "id", "contribution")
	if err != nil {
		return nil, err
	}
	return a.Contribution(c.Request().Context(), Principal(c), id)
}

// Consolidation reads the assessment of the :id parameter with its
// contributions, for their readers (app.Consolidation: 404, 403).
func Consolidation(c echo.Context, a *app.App) (*app.Consolidation, error) {
	id, err := ParamID(c, "id", "assessment")
	if err != nil {
		return nil, err
	}
	v, err := a.Consolidation(c.Request().Context(), Principal(c), id)
	if v != nil {
		LogOrganisation(c, v.Detail.Assessment.OrganisationID)
	}
	return v, err
}

// WorkbookTarget reads the assessment, or with contribution the
// contribution, of the :id parameter for whoever may see it.
func WorkbookTarget(c echo.Context, a *app.App, contribution bool) (*workbook.Subject, error) {
	return workbookSubject(c, contribution, a.WorkbookTarget)
}

// WorkbookUploadTarget is WorkbookTarget for whoever may import into it
// (app.WorkbookUploadTarget), decided before the upload is read.
func WorkbookUploadTarget(c echo.Context, a *app.App, contribution bool) (*workbook.Subject, error) {
	return workbookSubject(c, contribution, a.WorkbookUploadTarget)
}

func workbookSubject(c echo.Context, contribution bool,
	load func(context.Context, *policy.Principal, app.Target) (*workbook.Subject, error)) (*workbook.Subject, error) {
	t, err := workbookTarget(c, contribution)
	if err != nil {
		return nil, err
	}
	s, err := load(c.Request().Context(), Principal(c), t)
	logSubject(c, s)
	return s, err
}

func workbookTarget(c echo.Context, contribution bool) (app.Target, error) {
	if contribution {
		return TargetOf(c, app.KindContribution)
	}
	return TargetOf(c, app.KindAssessment)
}

// logSubject names an assessment's organisation in the log (not an
// agency's contribution, as the pages of contributions do not).
func logSubject(c echo.Context, s *workbook.Subject) {
	if s != nil && s.CD == nil {
		LogOrganisation(c, s.Detail.Assessment.OrganisationID)
	}
}

// Report is the report of the assessment of the :id parameter for its
// readers (app.Report), in lang, dated now.
func Report(c echo.Context, a *app.App, lang string, now time.Time) (*app.ReportView, error) {
	id, err := ParamID(c, "id", "assessment")
	if err != nil {
		return nil, err
	}
	v, err := a.Report(c.Request().Context(), Principal(c), id, lang, now)
	if err != nil {
		return nil, err
	}
	LogOrganisation(c, v.Detail.Assessment.OrganisationID)
	return v, nil
}
