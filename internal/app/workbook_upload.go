package app

import (
	"context"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/workbook"
)

// WorkbookTarget reads the assessment or contribution t that p may see
// (404 otherwise), to download its workbook or import one into it.
func (a *App) WorkbookTarget(ctx context.Context, p *policy.Principal, t Target) (*workbook.Subject, error) {
	if t.Kind == KindContribution {
		cd, err := a.Contribution(ctx, p, t.ID)
		if err != nil {
			return nil, err
		}
		return &workbook.Subject{Detail: cd.Detail, CD: cd, Target: workbook.Target{AssessmentID: cd.National.ID, ContributionID: cd.Contribution.ID}}, nil
	}
	d, err := a.VisibleDetail(ctx, p, t.ID, policy.CanViewAssessment)
	if err != nil {
		return nil, err
	}
	return &workbook.Subject{Detail: d, Target: workbook.Target{AssessmentID: d.Assessment.ID}}, nil
}

// WorkbookUploadTarget is WorkbookTarget for p who may import into it at
// all, decided before the upload is read: the agency's right to answer its
// open contribution, or the right to edit some capability of the
// assessment (403 with the reason, 409 when closed).
func (a *App) WorkbookUploadTarget(ctx context.Context, p *policy.Principal, t Target) (*workbook.Subject, error) {
	s, err := a.WorkbookTarget(ctx, p, t)
	if err != nil {
		return nil, err
	}
	return s, mayUpload(p, s)
}

func mayUpload(p *policy.Principal, t *workbook.Subject) error {
	if t.CD != nil {
		if !policy.CanEditContribution(p, &t.CD.Contribution) {
			return policy.ContributionRefusal(p, &t.CD.Contribution)
		}
		return assessment.CheckContributionOpen(&t.CD.National, &t.CD.Contribution)
	}
	if !policy.CanImportWorkbook(p, &t.Detail.Assessment) {
		return policy.EditRefusal(p, &t.Detail.Assessment, "")
	}
	return nil
}

// UploadWorkbook is the one path of an upload into t (from
// WorkbookUploadTarget), for pages and the API: parse and compare (422,
// 409), the policy for each capability the preview would change (403,
// 409), and unless dry, apply in one transaction.
func (a *App) UploadWorkbook(ctx context.Context, p *policy.Principal, by assessment.Actor, t *workbook.Subject, data []byte, dry bool) (*workbook.Preview, error) {
	if err := mayUpload(p, t); err != nil {
		return nil, err
	}
	pv, err := a.PreviewWorkbook(ctx, t, data)
	if err != nil {
		return nil, err
	}
	if t.CD == nil { // for a contribution, mayUpload decided for the whole
		for _, key := range pv.Capabilities() {
			if err := mayEditCapability(p, t.Detail, key); err != nil {
				return nil, err
			}
		}
	}
	if dry {
		return pv, nil
	}
	return pv, a.ApplyWorkbook(ctx, by, t, pv)
}
