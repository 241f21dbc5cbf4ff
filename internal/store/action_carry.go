package store

import (
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// carryActions copies the open actions of the previous cycle fromID into
// the new cycle toID, inside StartNextCycle's transaction, each with its
// status history; the old action records where it continues and stops
// changing. Done and dropped actions stay with their cycle. Keys are read
// in the current framework's terms; an action whose capability has no
// counterpart stays behind, open, in its cycle. It returns how many moved.
func carryActions(tx *gorm.DB, now time.Time, by assessment.Actor, cur *framework.Framework, fromVersion string, fromID, toID int64) (int, error) {
	var open []actionRow
	if err := tx.Where("assessment_id = ? AND carried_to_id IS NULL AND status NOT IN ?", fromID,
		[]string{string(assessment.ActionDone), string(assessment.ActionDropped)}).Order("id").Find(&open).Error; err != nil {
		return 0, fmt.Errorf("load open actions: %w", err)
	}
	n := 0
	for _, old := range open {
		key, ok := cur.MapCapability(fromVersion, old.CapabilityKey)
		if !ok {
			continue
		}
		next := old
		next.ID, next.AssessmentID, next.CapabilityKey, next.Version = 0, toID, key, 1
		next.Indicators, next.PreviousActionID, next.CarriedToID = carriedIndicators(cur, fromVersion, old.Indicators), &old.ID, nil
		next.CreatedAt, next.UpdatedAt = now, now
		if err := tx.Create(&next).Error; err != nil {
			return n, fmt.Errorf("carry action %d: %w", old.ID, err)
		}
		if err := tx.Exec("INSERT INTO action_updates (action_id, at, user_id, actor, status, note) "+
			"SELECT ?, at, user_id, actor, status, note FROM action_updates WHERE action_id = ? ORDER BY at, id", next.ID, old.ID).Error; err != nil {
			return n, fmt.Errorf("carry history of action %d: %w", old.ID, err)
		}
		if err := carryActionFiles(tx, old.ID, next.ID, toID); err != nil {
			return n, err
		}
		res := tx.Model(&actionRow{}).Where("id = ? AND carried_to_id IS NULL", old.ID).
			Updates(map[string]any{"carried_to_id": next.ID, "version": old.Version + 1, "updated_at": now, "updated_by": by.Name})
		if res.Error != nil {
			return n, fmt.Errorf("mark action %d carried: %w", old.ID, res.Error)
		}
		n++
	}
	return n, nil
}

// carriedIndicators keeps the indicators the current framework maps.
func carriedIndicators(cur *framework.Framework, fromVersion, keys string) string {
	if keys == "" {
		return ""
	}
	var out []string
	for _, k := range strings.Split(keys, "\n") {
		if to, ok := cur.MapIndicator(fromVersion, k); ok {
			out = append(out, to)
		}
	}
	return strings.Join(out, "\n")
}
