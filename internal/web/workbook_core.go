package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/workbook"
)

// wbTarget is what a workbook is exported from and imported into: an
// assessment, or one agency's contribution (CD set).
type wbTarget = workbook.Subject

// loadWorkbookTarget reads the assessment or contribution named by :id
// that the principal may see (404 otherwise).
func (s *Server) loadWorkbookTarget(c echo.Context, contribution bool) (*wbTarget, error) {
	if contribution {
		cd, err := s.loadContribution(c)
		if err != nil {
			return nil, err
		}
		return &wbTarget{Detail: cd.Detail, CD: cd, Target: workbook.Target{AssessmentID: cd.National.ID, ContributionID: cd.Contribution.ID}}, nil
	}
	d, err := s.loadDetail(c)
	if err != nil {
		return nil, err
	}
	return &wbTarget{Detail: d, Target: workbook.Target{AssessmentID: d.Assessment.ID}}, nil
}

// mayUpload checks, before anything is read, that the principal may import
// into the target at all: the agency's right to answer its contribution,
// or the right to edit some capability of the assessment.
func mayUpload(c echo.Context, t *wbTarget) error {
	if t.CD != nil {
		p := principal(c)
		if !policy.CanEditContribution(p, &t.CD.Contribution) {
			return policy.ContributionRefusal(p, &t.CD.Contribution)
		}
		return assessment.CheckContributionOpen(&t.CD.National, &t.CD.Contribution)
	}
	if p := principal(c); !policy.CanImportWorkbook(p, &t.Detail.Assessment) {
		return policy.EditRefusal(p, &t.Detail.Assessment, "")
	}
	return nil
}

// mayImport checks the policy for what the preview would change: each
// capability of the assessment it changes.
func mayImport(c echo.Context, t *wbTarget, pv *workbook.Preview) error {
	if t.CD != nil {
		return nil // mayUpload decided for the whole contribution
	}
	for _, key := range pv.Capabilities() {
		if err := mayEdit(c, t.Detail, key); err != nil {
			return err
		}
	}
	return nil
}

// importWorkbook is the one path of an upload, for pages and the API:
// parse, compare, policy, and unless dry, apply.
func (s *Server) importWorkbook(c echo.Context, t *wbTarget, data []byte, dry bool) (*workbook.Preview, error) {
	ctx := c.Request().Context()
	if err := mayUpload(c, t); err != nil {
		return nil, err
	}
	pv, err := s.app.PreviewWorkbook(ctx, t, data)
	if err != nil {
		return nil, err
	}
	if err := mayImport(c, t, pv); err != nil {
		return nil, err
	}
	if dry {
		return pv, nil
	}
	return pv, s.app.ApplyWorkbook(ctx, actor(c), t, pv)
}
