package store

import (
	"context"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// AssessmentForSave is Assessment for a save: one statement while the
// principal generation is the one the head was read at. Its status,
// owner, framework version and scope are current; its other fields
// (title, times) may be older, so pages read Assessment. The scope is
// shared: callers must not change it. The write itself re-checks the lock
// rule.
func (s *Store) AssessmentForSave(ctx context.Context, id int64) (assessment.Assessment, error) {
	gen, err := s.currentGeneration(ctx)
	if err != nil {
		return assessment.Assessment{}, err
	}
	if a, ok := s.heads.get(gen, id); ok {
		return a, nil
	}
	var a assessment.Assessment
	err = s.read(ctx).Transaction(func(tx *gorm.DB) (err error) {
		if gen, err = s.generation(tx); err != nil { // first: a later change moves it past what is kept
			return err
		}
		a, err = s.assessmentHead(tx, id)
		return err
	})
	if err != nil {
		return assessment.Assessment{}, err
	}
	s.heads.put(gen, a.ID, a)
	return a, nil
}
