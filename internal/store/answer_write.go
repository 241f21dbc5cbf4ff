package store

import (
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// answerTable is where answers are stored, as data: an assessment's own
// answers, or an agency's contribution to one (without provenance: an
// agency only types its answers). Both are written by the same code.
type answerTable struct {
	name, owner string // the table and the column of the row that owns its answers
	provenance  bool   // carried_forward and source columns
}

var (
	assessmentAnswerTable   = answerTable{name: "answers", owner: "assessment_id", provenance: true}
	contributionAnswerTable = answerTable{name: "contribution_answers", owner: "contribution_id"}
)

// answerWrite is one answer's write planned from the stored row it
// replaces: the row to write and its audit event, made before the write so
// the transaction only runs statements.
type answerWrite struct {
	table      answerTable
	ownerID    int64 // the assessment's or the contribution's id
	cur, saved answerRow
	event      assessment.AuditEvent // without the organisation, known at the write
	stored     bool                  // the stored answer is already what the writer wants: nothing to write
}

// planAnswer merges a field by field over cur when a was made on an older
// version (assessment.MergeAnswer), which fails with ECONFLICT when the
// same field changed on both sides.
func planAnswer(t answerTable, ownerID int64, cur answerRow, a assessment.Answer, by assessment.Actor, now time.Time) (answerWrite, error) {
	if !t.provenance {
		a.Source, a.SourceContributionID, a.SourceReason = assessment.SourceTyped, nil, ""
	}
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
	event := assessment.AuditEvent{AssessmentID: a.AssessmentID, Action: answerActions[a.Source], Object: "indicator " + a.IndicatorKey,
		Before: auditJSON(answerAudit(cur)), After: auditJSON(answerAudit(saved))}
	return answerWrite{table: t, ownerID: ownerID, cur: cur, saved: saved, event: event}, nil
}

// apply writes the planned row only if the stored row is still the one
// planned from, with its audit event; ok is false when it is not. The
// audited texts are compared too, not only the version: an erasure
// rewrites names in them without a new version, and the audit event must
// not bring the old ones back.
func (w answerWrite) apply(tx *gorm.DB, by assessment.Actor, org int64) (ok bool, err error) {
	r, c := w.saved, w.cur
	set := "value = ?, evidence = ?, links = ?, note = ?, version = ?, updated_at = ?, updated_by = ?"
	args := []any{r.Value, r.Evidence, r.Links, r.Note, r.Version, *r.UpdatedAt, r.UpdatedBy}
	if w.table.provenance {
		set += ", carried_forward = ?, source = ?, source_contribution_id = ?, source_reason = ?"
		args = append(args, false, r.Source, r.SourceContributionID, r.SourceReason)
	}
	where := w.table.owner + " = ? AND indicator_key = ? AND version = ? AND value = ? AND evidence = ? AND links = ? AND note = ?"
	args = append(args, w.ownerID, c.IndicatorKey, c.Version, c.Value, c.Evidence, c.Links, c.Note)
	if w.table.provenance {
		where += " AND source_reason = ?"
		args = append(args, c.SourceReason)
	}
	res := tx.Exec("UPDATE "+w.table.name+" SET "+set+" WHERE "+where, args...)
	if res.Error != nil {
		return false, fmt.Errorf("update %s: %w", w.table.name, res.Error)
	}
	if res.RowsAffected == 0 {
		return false, nil
	}
	e := w.event
	e.OrganisationID = org
	return true, appendAudit(tx, *r.UpdatedAt, by, e)
}

// write applies w inside the transaction that read and locked w.cur: a
// row changed meanwhile (PostgreSQL re-checks the WHERE clause after
// waiting for the row lock) is a conflict.
func (w answerWrite) write(tx *gorm.DB, by assessment.Actor, org int64) (assessment.Answer, error) {
	switch ok, err := w.apply(tx, by, org); {
	case err != nil:
		return assessment.Answer{}, err
	case !ok:
		e := assessment.Errorf(assessment.ECONFLICT, "someone else saved this at the same moment; reload and save again")
		e.Field = "version"
		return assessment.Answer{}, e
	}
	return w.saved.domain(), nil
}
