package store

import (
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// answerWrite is one answer's write planned from the stored row it
// replaces: the row to write and its audit event, made before the write so
// the transaction only runs statements.
type answerWrite struct {
	cur, saved answerRow
	event      AuditEvent // without the organisation, known at the write
	stored     bool       // the stored answer is already what the writer wants: nothing to write
}

// planAnswer merges a field by field over cur when a was made on an older
// version (assessment.MergeAnswer), which fails with ECONFLICT when the
// same field changed on both sides.
func planAnswer(cur answerRow, a assessment.Answer, by assessment.Actor, now time.Time) (answerWrite, error) {
	if cur.Version != a.Version {
		merged, err := assessment.MergeAnswer(cur.domain(), a)
		if err != nil {
			return answerWrite{}, err
		}
		if merged.Fields().Equal(cur.domain().Fields()) && !cur.CarriedForward {
			return answerWrite{cur: cur, stored: true}, nil
		}
		a = merged
	}
	saved := cur
	saved.Value, saved.Evidence, saved.Links, saved.Note = string(a.Value), a.Evidence, joinLinks(a.Links), a.Note
	saved.Version, saved.UpdatedAt, saved.UpdatedBy = cur.Version+1, &now, by.Name
	saved.CarriedForward = false // saving is confirming
	// The provenance is the write's own: typing an answer clears an adopted one.
	saved.Source, saved.SourceContributionID, saved.SourceReason = string(a.Source), a.SourceContributionID, a.SourceReason
	event := AuditEvent{AssessmentID: a.AssessmentID, Action: answerActions[a.Source], Object: "indicator " + a.IndicatorKey,
		Before: auditJSON(answerAudit(cur)), After: auditJSON(answerAudit(saved))}
	return answerWrite{cur: cur, saved: saved, event: event}, nil
}

// apply writes the planned row only if the stored row is still the one
// planned from, with its audit event; ok is false when it is not. The
// audited texts are compared too, not only the version: an erasure
// rewrites names in them without a new version, and the audit event must
// not bring the old ones back.
func (w answerWrite) apply(tx *gorm.DB, by assessment.Actor, org int64) (ok bool, err error) {
	r, c := w.saved, w.cur
	res := tx.Exec(`UPDATE answers SET value = ?, evidence = ?, links = ?, note = ?, version = ?, updated_at = ?, updated_by = ?,
 carried_forward = ?, source = ?, source_contribution_id = ?, source_reason = ?
 WHERE assessment_id = ? AND indicator_key = ? AND version = ? AND value = ? AND evidence = ? AND links = ? AND note = ? AND source_reason = ?`,
		r.Value, r.Evidence, r.Links, r.Note, r.Version, *r.UpdatedAt, r.UpdatedBy, false, r.Source, r.SourceContributionID, r.SourceReason,
		c.AssessmentID, c.IndicatorKey, c.Version, c.Value, c.Evidence, c.Links, c.Note, c.SourceReason)
	if res.Error != nil {
		return false, fmt.Errorf("update answer: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return false, nil
	}
	e := w.event
	e.OrganisationID = org
	return true, appendAudit(tx, *r.UpdatedAt, by, e)
}
