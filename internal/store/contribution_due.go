package store

import (
	"context"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// OpenDatedContributions lists the contributions still open (not
// submitted) that have a due date, with their assessments: what the
// reminder job looks through.
func (s *Store) OpenDatedContributions(ctx context.Context) ([]ContributionTask, error) {
	list, err := contributionsWhere(s.read(ctx), "status <> ? AND due_date IS NOT NULL", string(assessment.ContributionSubmitted))
	if err != nil {
		return nil, err
	}
	return s.tasks(ctx, list)
}
