package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// StartNextCycle creates a draft continuing the approved assessment fromID,
// pinned to cur (the current framework), in one transaction. Answers (value,
// evidence, links, note, with who gave them and when) and each capability's
// target, priority and lead are copied wherever cur maps the old key; copied
// answers are marked carried forward until someone confirms or changes them.
// Confirmed phases are not copied: each cycle judges afresh.
func (s *Store) StartNextCycle(ctx context.Context, by assessment.Actor, cur *framework.Framework, fromID int64, a assessment.Assessment) (assessment.Assessment, error) {
	now := s.now()
	row := assessmentRow{OrganisationID: a.OrganisationID, Title: a.Title, Period: a.Period, FrameworkVersion: cur.Version,
		Status: string(assessment.StatusDraft), Version: 1, CreatedAt: now, UpdatedAt: now, PreviousID: &fromID}
	err := s.tx(ctx, func(tx *gorm.DB) error {
		// Locked, so the previous cycle cannot be reopened while its next
		// cycle starts, and two starts at once run one after the other; the
		// unique index on previous_id refuses a second next cycle whatever
		// the path.
		if err := lockRow(tx, "assessments", fromID); err != nil {
			return notFound(err, "assessment")
		}
		var prev assessmentRow
		if err := tx.First(&prev, fromID).Error; err != nil {
			return notFound(err, "assessment")
		}
		if prev.OrganisationID != a.OrganisationID {
			return assessment.NotFound("assessment")
		}
		var next []int64
		if err := tx.Model(&assessmentRow{}).Where("previous_id = ?", fromID).Pluck("id", &next).Error; err != nil {
			return fmt.Errorf("look for a next cycle: %w", err)
		}
		if err := assessment.CheckNextCycle(assessment.Status(prev.Status), next); err != nil {
			return err
		}
		var states []capabilityStateRow
		var answers []answerRow
		if err := tx.Where("assessment_id = ?", fromID).Find(&states).Error; err != nil {
			return fmt.Errorf("load previous states: %w", err)
		}
		if err := tx.Where("assessment_id = ?", fromID).Find(&answers).Error; err != nil {
			return fmt.Errorf("load previous answers: %w", err)
		}
		row.Marking = string(markingOf(prev.Marking)) // the next cycle keeps the marking
		if err := tx.Create(&row).Error; err != nil {
			return fmt.Errorf("insert assessment: %w", err)
		}
		newStates, newAnswers, carried := carryForward(cur, prev.FrameworkVersion, row.ID, a.Scope, states, answers)
		if err := tx.CreateInBatches(newStates, 100).Error; err != nil {
			return fmt.Errorf("insert capability states: %w", err)
		}
		if err := tx.CreateInBatches(newAnswers, 100).Error; err != nil {
			return fmt.Errorf("insert answers: %w", err)
		}
		files, err := carryEvidence(tx, fromID, row.ID, evidenceKeys(cur, prev.FrameworkVersion, newAnswers))
		if err != nil {
			return err
		}
		actions, err := carryActions(tx, now, by, cur, prev.FrameworkVersion, fromID, row.ID)
		if err != nil {
			return err
		}
		return appendAudit(tx, now, by, assessment.AuditEvent{OrganisationID: row.OrganisationID, AssessmentID: row.ID, Action: "cycle.start",
			Object: fmt.Sprintf("assessment %d", row.ID), Before: auditJSON(map[string]any{"previous_id": fromID, "framework_version": prev.FrameworkVersion}),
			After: auditJSON(map[string]any{"title": row.Title, "period": row.Period, "framework_version": row.FrameworkVersion, "carried_forward": carried, "actions_carried": actions, "files_carried": files})})
	})
	if err != nil {
		return assessment.Assessment{}, err
	}
	return row.domain(a.Scope), nil
}

// carryForward builds the new cycle's rows: every capability in scope and
// every one of its indicators, filled from the previous cycle where the
// framework maps the old key to the new one.
func carryForward(cur *framework.Framework, fromVersion string, id int64, scope []string,
	states []capabilityStateRow, answers []answerRow) ([]capabilityStateRow, []answerRow, int) {
	oldState := map[string]capabilityStateRow{}
	for _, st := range states {
		if k, ok := cur.MapCapability(fromVersion, st.CapabilityKey); ok {
			oldState[k] = st
		}
	}
	// Through the version mapping: a split indicator's answer goes to each
	// of its parts, a changed one to its counterpart; merged and removed
	// indicators carry nothing (framework.CarryTargets).
	oldAnswer := map[string]answerRow{}
	for _, an := range answers {
		if !answered(an) {
			continue
		}
		for _, k := range cur.CarryTargets(fromVersion, an.IndicatorKey) {
			oldAnswer[k] = an
		}
	}
	var outS []capabilityStateRow
	var outA []answerRow
	carried := 0
	for _, key := range scope {
		st := capabilityStateRow{AssessmentID: id, CapabilityKey: key}
		if o, ok := oldState[key]; ok {
			st.TargetPhase, st.Priority, st.Lead, st.Version = o.TargetPhase, o.Priority, o.Lead, 1
			st.UpdatedAt, st.UpdatedBy = o.UpdatedAt, o.UpdatedBy
		}
		outS = append(outS, st)
		for _, in := range cur.Assessable(key).Indicators {
			an := answerRow{AssessmentID: id, IndicatorKey: in.Key, CapabilityKey: key}
			if o, ok := oldAnswer[in.Key]; ok {
				an.Value, an.Evidence, an.Links, an.Note = o.Value, o.Evidence, o.Links, o.Note
				an.Version, an.UpdatedAt, an.UpdatedBy, an.CarriedForward = 1, o.UpdatedAt, o.UpdatedBy, true
				carried++
			}
			outA = append(outA, an)
		}
	}
	return outS, outA, carried
}

// answered reports whether an answer row holds anything worth carrying.
func answered(r answerRow) bool {
	return r.Value != "" || r.Evidence != "" || r.Links != "" || r.Note != ""
}

// ConfirmCarried clears the carried-forward mark of the given indicators
// without changing them, one audit event each; indicators not carried
// forward are skipped (at most assessment.MaxIDs keys). It returns how many
// were confirmed.
func (s *Store) ConfirmCarried(ctx context.Context, by assessment.Actor, assessmentID int64, indicatorKeys []string) (int, error) {
	if err := assessment.CheckIDs("indicators", len(indicatorKeys)); err != nil {
		return 0, err
	}
	n := 0
	err := s.tx(ctx, func(tx *gorm.DB) error {
		n = 0
		org, err := unlockedAssessment(tx, assessmentID)
		if err != nil {
			return err
		}
		var rows []answerRow
		if err := tx.Where("assessment_id = ? AND indicator_key IN ? AND carried_forward = ?", assessmentID, indicatorKeys, true).
			Order("indicator_key").Find(&rows).Error; err != nil {
			return fmt.Errorf("load carried answers: %w", err)
		}
		now := s.now()
		for _, r := range rows {
			// Only if still carried: of two confirmations at once, one is recorded.
			res := tx.Model(&answerRow{}).Where("assessment_id = ? AND indicator_key = ? AND carried_forward = ?", assessmentID, r.IndicatorKey, true).
				Update("carried_forward", false)
			if res.Error != nil {
				return fmt.Errorf("confirm answer: %w", res.Error)
			}
			if res.RowsAffected == 0 {
				continue
			}
			if err := appendAudit(tx, now, by, assessment.AuditEvent{OrganisationID: org, AssessmentID: assessmentID, Action: "answer.confirm",
				Object: "indicator " + r.IndicatorKey, Before: auditJSON(map[string]any{"carried_forward": true, "answer": r.Value}),
				After: auditJSON(map[string]any{"carried_forward": false, "answer": r.Value})}); err != nil {
				return err
			}
			n++
		}
		if n > 0 {
			return touchAssessment(tx, assessmentID, now)
		}
		return nil
	})
	return n, err
}
