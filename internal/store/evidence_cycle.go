package store

import (
	"fmt"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// carryEvidence copies the current files of the previous cycle's
// indicators to the next cycle's, inside StartNextCycle's transaction,
// wherever newKey maps the old indicator into the new scope. The copies
// share the stored bytes (nothing is duplicated) and remember the file they
// came from. It returns how many were carried.
func carryEvidence(tx *gorm.DB, fromID, toID int64, newKey func(string) (string, bool)) (int, error) {
	var rows []evidenceFileRow
	err := tx.Where("assessment_id = ? AND contribution_id IS NULL AND action_id IS NULL AND superseded_at IS NULL AND removed_at IS NULL", fromID).
		Order("id").Find(&rows).Error
	if err != nil {
		return 0, fmt.Errorf("load previous files: %w", err)
	}
	n := 0
	for _, r := range rows {
		key, ok := newKey(r.IndicatorKey)
		if !ok {
			continue
		}
		from := r.ID
		c := r
		c.ID, c.AssessmentID, c.IndicatorKey, c.SeriesID, c.Version, c.CarriedFrom = 0, toID, key, nil, 1, &from
		if err := tx.Create(&c).Error; err != nil {
			return n, fmt.Errorf("carry file %d: %w", from, err)
		}
		if err := tx.Model(&c).Update("series_id", c.ID).Error; err != nil {
			return n, fmt.Errorf("carry file %d: %w", from, err)
		}
		n++
	}
	return n, nil
}

// evidenceKeys maps a previous cycle's indicator key to the next cycle's,
// as the answers are mapped, when the new key is in the new scope.
func evidenceKeys(cur *framework.Framework, fromVersion string, next []answerRow) func(string) (string, bool) {
	inScope := map[string]bool{}
	for _, a := range next {
		inScope[a.IndicatorKey] = true
	}
	return func(old string) (string, bool) {
		k, ok := cur.MapIndicator(fromVersion, old)
		return k, ok && inScope[k]
	}
}
