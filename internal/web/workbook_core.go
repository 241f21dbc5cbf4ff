package web

import (
	"context"
	"io"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/workbook"
)

// wbTarget is what a workbook is exported from and imported into: an
// assessment, or one agency's contribution (CD set).
type wbTarget struct {
	Detail *assessment.Detail
	CD     *assessment.ContributionDetail
	Target workbook.Target
}

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

// workbookTargetByID reads a target without a principal, for the command
// line (run by the operator).
func (s *Server) workbookTargetByID(ctx context.Context, t workbook.Target) (*wbTarget, error) {
	if t.Contribution() {
		cn, national, requester, answers, err := s.db.ContributionContent(ctx, t.ContributionID)
		if err != nil {
			return nil, err
		}
		if national.ID != t.AssessmentID && t.AssessmentID != 0 {
			return nil, assessment.NotFound("contribution")
		}
		fw, err := framework.Get(national.FrameworkVersion)
		if err != nil {
			return nil, err
		}
		cd := assessment.NewContributionDetail(fw, cn, national, requester, answers)
		return &wbTarget{Detail: cd.Detail, CD: cd, Target: workbook.Target{AssessmentID: national.ID, ContributionID: cn.ID}}, nil
	}
	org, a, states, answers, err := s.db.AssessmentContent(ctx, t.AssessmentID)
	if err != nil {
		return nil, err
	}
	fw, err := framework.Get(a.FrameworkVersion)
	if err != nil {
		return nil, err
	}
	return &wbTarget{Detail: assessment.NewDetail(fw, org, a, states, answers), Target: workbook.Target{AssessmentID: a.ID}}, nil
}

// writeWorkbook writes the target's workbook in lang.
func (s *Server) writeWorkbook(ctx context.Context, t *wbTarget, lang string, w io.Writer) error {
	key, err := s.db.WorkbookKey(ctx)
	if err != nil {
		return err
	}
	return workbook.Write(w, workbook.Source{Detail: t.Detail, Target: t.Target, Lang: lang, Judgements: t.CD == nil}, key, s.cfg.Now())
}

// previewWorkbook parses an uploaded workbook and compares it with the
// target as stored now.
func (s *Server) previewWorkbook(ctx context.Context, t *wbTarget, data []byte) (*workbook.Preview, error) {
	key, err := s.db.WorkbookKey(ctx)
	if err != nil {
		return nil, err
	}
	p, err := workbook.Parse(data, key)
	if err != nil {
		return nil, err
	}
	if err := workbook.CheckTarget(p, t.Target, t.Detail.Framework.Version); err != nil {
		return nil, err
	}
	return workbook.Compare(p, t.Detail)
}

// applyWorkbook saves a preview's writes in one transaction, recorded as
// imported from a workbook.
func (s *Server) applyWorkbook(ctx context.Context, by assessment.Actor, t *wbTarget, pv *workbook.Preview) error {
	if pv.Empty() {
		pv.Applied = true // nothing to write: the assessment is left untouched
		return nil
	}
	by.Via = "workbook"
	err := s.db.ImportAnswers(ctx, by, t.Target.AssessmentID, t.Target.ContributionID, pv.Answers, pv.States)
	if err != nil {
		return assessment.ExplainConflict(t.Detail.Framework, err)
	}
	pv.Applied = true
	return nil
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
	pv, err := s.previewWorkbook(ctx, t, data)
	if err != nil {
		return nil, err
	}
	if err := mayImport(c, t, pv); err != nil {
		return nil, err
	}
	if dry {
		return pv, nil
	}
	return pv, s.applyWorkbook(ctx, actor(c), t, pv)
}
