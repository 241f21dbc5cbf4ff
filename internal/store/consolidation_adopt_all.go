package store

import (
	"context"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// AdoptAnswers makes several adoptions in one transaction: all or none.
// Each is the same conditional write as AdoptAnswer (a stale version is a
// conflict) with its own "answer.adopt" audit row naming the contribution,
// so the provenance of every indicator stays on record.
func (s *Store) AdoptAnswers(ctx context.Context, by assessment.Actor, assessmentID int64, adoptions []assessment.Adoption) ([]assessment.Answer, error) {
	var saved []assessment.Answer
	err := s.tx(ctx, func(tx *gorm.DB) error {
		saved = saved[:0]
		org, err := lockedCheck(tx, assessmentID)
		if err != nil {
			return err
		}
		for _, ad := range adoptions {
			a, err := s.adoptTx(tx, by, org, assessmentID, ad)
			if err != nil {
				return err
			}
			saved = append(saved, a)
		}
		return touchAssessment(tx, assessmentID, s.now())
	})
	if err != nil {
		return nil, err
	}
	return saved, nil
}
