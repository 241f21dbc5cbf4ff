package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

type workbookKeyRow struct {
	ID        int64 `gorm:"primaryKey"`
	Secret    string
	CreatedAt time.Time
}

func (workbookKeyRow) TableName() string { return "workbook_keys" }

// WorkbookKey returns the installation's key for signing workbooks, made
// on first use. Two instances making it at once both read the one row the
// primary key lets in.
func (s *Store) WorkbookKey(ctx context.Context) ([]byte, error) {
	var row workbookKeyRow
	err := s.read(ctx).Where("id = 1").Limit(1).Find(&row).Error
	if err != nil {
		return nil, fmt.Errorf("read workbook key: %w", err)
	}
	if row.Secret == "" {
		b := make([]byte, 32)
		if _, err := rand.Read(b); err != nil {
			return nil, fmt.Errorf("workbook key: %w", err)
		}
		err := s.tx(ctx, func(tx *gorm.DB) error {
			if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&workbookKeyRow{ID: 1, Secret: hex.EncodeToString(b), CreatedAt: s.now()}).Error; err != nil {
				return fmt.Errorf("create workbook key: %w", err)
			}
			return tx.Where("id = 1").First(&row).Error
		})
		if err != nil {
			return nil, err
		}
	}
	return hex.DecodeString(row.Secret)
}

// ImportAnswers saves the answers and capability phases of an imported
// workbook in one transaction, through the same writes as the app's own
// saves (locked assessment refused, each on its version, merged field by
// field or refused as a conflict), with by.Via naming the workbook in the
// audit trail. For an agency's contribution (contributionID > 0) only
// answers are saved, as the agency's. Nothing is saved when any write
// fails.
func (s *Store) ImportAnswers(ctx context.Context, by assessment.Actor, assessmentID, contributionID int64, answers []assessment.Answer, states []assessment.CapabilityState) error {
	if contributionID > 0 {
		if len(states) > 0 {
			return fmt.Errorf("import: a contribution has no phases of its own")
		}
		_, err := s.SaveContributionAnswers(ctx, by, contributionID, answers)
		return err
	}
	return s.tx(ctx, func(tx *gorm.DB) error {
		org, err := lockedCheck(tx, assessmentID)
		if err != nil {
			return err
		}
		for _, a := range answers {
			if a.AssessmentID != assessmentID {
				return fmt.Errorf("import: answer of assessment %d in the import of %d", a.AssessmentID, assessmentID)
			}
			if _, err := s.saveAnswerTx(tx, by, org, a); err != nil {
				return err
			}
		}
		for _, st := range states {
			if st.AssessmentID != assessmentID {
				return fmt.Errorf("import: phases of assessment %d in the import of %d", st.AssessmentID, assessmentID)
			}
			if _, err := s.saveCapabilityTx(tx, by, org, st); err != nil {
				return err
			}
		}
		return touchAssessment(tx, assessmentID, s.now())
	})
}
