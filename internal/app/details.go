package app

import (
	"context"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// Details reads many assessments whole, each with its pinned framework, in
// the order of ids, in a fixed number of statements. The caller has
// decided who may see them (a partner's shares, an organisation's cycles).
func (a *App) Details(ctx context.Context, ids []int64) ([]*assessment.Detail, error) {
	contents, err := a.db.AssessmentContents(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]*assessment.Detail, len(contents))
	for i, c := range contents {
		fw, err := framework.Get(c.Assessment.FrameworkVersion)
		if err != nil {
			return nil, err
		}
		out[i] = assessment.NewDetail(fw, c.Organisation, c.Assessment, c.States, c.Answers)
	}
	return out, nil
}
