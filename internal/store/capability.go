package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// SaveCapability writes the assessor's judgement on one capability if
// st.Version is still the stored version; same rules as SaveAnswer.
func (s *Store) SaveCapability(ctx context.Context, by assessment.Actor, st assessment.CapabilityState) (assessment.CapabilityState, error) {
	_, saved, err := s.SaveCapabilityForm(ctx, by, nil, &st)
	if err != nil {
		return assessment.CapabilityState{}, err
	}
	return *saved, nil
}

// saveCapabilityTx is saveAnswerTx for a capability's phases
// (assessment.MergeJudgement).
func (s *Store) saveCapabilityTx(tx *gorm.DB, by assessment.Actor, org int64, st assessment.CapabilityState) (assessment.CapabilityState, error) {
	var cur capabilityStateRow
	if err := tx.Clauses(clause.Locking{Strength: "UPDATE"}).Where("assessment_id = ? AND capability_key = ?", st.AssessmentID, st.CapabilityKey).First(&cur).Error; err != nil {
		return assessment.CapabilityState{}, notFound(err, "capability")
	}
	if cur.Version != st.Version {
		merged, err := assessment.MergeJudgement(cur.domain(), st)
		if err != nil {
			return assessment.CapabilityState{}, err
		}
		if merged.Fields().Equal(cur.domain().Fields()) {
			return cur.domain(), nil
		}
		st = merged
	}
	now := s.now()
	saved := cur
	saved.ConfirmedPhase, saved.Justification, saved.TargetPhase = st.Confirmed, st.Justification, st.Target
	saved.Priority, saved.Lead = string(st.Priority), st.Lead
	saved.Version, saved.UpdatedAt, saved.UpdatedBy = cur.Version+1, &now, by.Name
	res := tx.Model(&capabilityStateRow{}).Where("assessment_id = ? AND capability_key = ? AND version = ?", cur.AssessmentID, cur.CapabilityKey, cur.Version).
		Updates(map[string]any{"confirmed_phase": saved.ConfirmedPhase, "justification": saved.Justification,
			"target_phase": saved.TargetPhase, "priority": saved.Priority, "lead": saved.Lead,
			"version": saved.Version, "updated_at": now, "updated_by": by.Name})
	if res.Error != nil {
		return assessment.CapabilityState{}, fmt.Errorf("update capability: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		// Another transaction saved between our read and write (PostgreSQL
		// re-checks the WHERE clause after waiting for its row lock).
		e := assessment.Errorf(assessment.ECONFLICT, "someone else saved this at the same moment; reload and save again")
		e.Field = "version"
		return assessment.CapabilityState{}, e
	}
	err := appendAudit(tx, now, by, assessment.AuditEvent{OrganisationID: org, AssessmentID: st.AssessmentID, Action: "capability.save",
		Object: "capability " + st.CapabilityKey, Before: auditJSON(capabilityAudit(cur)), After: auditJSON(capabilityAudit(saved))})
	return saved.domain(), err
}

func capabilityAudit(r capabilityStateRow) map[string]any {
	return map[string]any{"confirmed_phase": r.ConfirmedPhase, "justification": r.Justification,
		"target_phase": r.TargetPhase, "priority": r.Priority, "lead": r.Lead, "version": r.Version}
}
