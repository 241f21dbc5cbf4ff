package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// markingOf reads a stored marking; an unknown or empty one is the default,
// so a row written before the column existed still prints a marking.
func markingOf(s string) assessment.Marking {
	if m, ok := assessment.ParseMarking(s); ok {
		return m
	}
	return assessment.DefaultMarking
}

// SetMarking changes an assessment's confidentiality marking from the
// marking the caller saw to a new one, audited as "assessment.marking".
// The write is conditional on the stored marking still being from, so a
// change made meanwhile is a conflict, not overwritten. Any status may be
// re-marked: a marking is about circulation, not content, so an approved
// report stays approved. The version and update time move, so a cached
// PDF with the old marking is not served again.
func (s *Store) SetMarking(ctx context.Context, by assessment.Actor, id int64, from, to assessment.Marking) (assessment.Assessment, error) {
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var cur assessmentRow
		if err := tx.Select("id, organisation_id, version, marking").First(&cur, id).Error; err != nil {
			return notFound(err, "assessment")
		}
		if from == to && markingOf(cur.Marking) == to {
			return nil
		}
		now := s.now()
		res := tx.Model(&assessmentRow{}).Where("id = ? AND marking = ?", id, string(from)).
			Updates(map[string]any{"marking": string(to), "version": gorm.Expr("version + 1"), "updated_at": now})
		if res.Error != nil {
			return fmt.Errorf("set marking: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			now := string(markingOf(cur.Marking))
			e := assessment.Errorf(assessment.ECONFLICT, "someone changed this assessment's marking meanwhile; it is now %s", assessment.Term{ID: "Marking_" + now, English: now})
			e.Current = now
			return e
		}
		return appendAudit(tx, now, by, assessment.AuditEvent{OrganisationID: cur.OrganisationID, AssessmentID: id, Action: "assessment.marking",
			Object: fmt.Sprintf("assessment %d", id), Before: auditJSON(map[string]string{"marking": string(from)}),
			After: auditJSON(map[string]string{"marking": string(to)})})
	})
	if err != nil {
		return assessment.Assessment{}, err
	}
	return s.Assessment(ctx, id)
}
