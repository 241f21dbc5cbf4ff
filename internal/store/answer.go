package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// SaveAnswer writes one indicator's answer if a.Version is still the stored
// version, in one transaction with its audit event. A stale version returns
// ECONFLICT carrying the stored answer; an approved assessment is locked.
// The write is planned from the answer read before the transaction, so the
// transaction (which on SQLite queues for the one writer) runs three
// statements: the lock rule under a shared lock on the assessment, or its
// touch once a second (openForSave), the answer's update on the version
// read, the audit event. When that version is gone, it reads the answer
// again inside and merges (saveAnswerTx).
func (s *Store) SaveAnswer(ctx context.Context, by assessment.Actor, a assessment.Answer) (assessment.Answer, error) {
	var (
		saved assessment.Answer
		plan  *answerWrite
	)
	if pre, err := s.answerBefore(ctx, a.AssessmentID, a.IndicatorKey); err == nil {
		if w, err := planAnswer(assessmentAnswerTable, a.AssessmentID, pre, a, by, s.now()); err == nil && !w.stored {
			plan = &w
		}
	}
	err := s.saveTx(ctx, a.AssessmentID, s.now(), func(tx *gorm.DB, touch bool) (bool, error) {
		org, touched, err := s.openForSave(tx, a.AssessmentID, s.now(), touch)
		if err != nil {
			return false, err
		}
		if plan != nil {
			ok, err := plan.applyRaw(s, tx, by, org)
			if err != nil || ok {
				saved = plan.saved.domain()
				return touched, err
			}
		}
		saved, err = s.saveAnswerTx(tx, by, org, a)
		return touched, err
	})
	return saved, err
}

// SaveCapabilityForm saves several answers and, when st is not nil, the
// capability judgement, all in one transaction: the plain (no script) form
// submits a whole capability at once and must land whole or not at all.
func (s *Store) SaveCapabilityForm(ctx context.Context, by assessment.Actor, answers []assessment.Answer, st *assessment.CapabilityState) ([]assessment.Answer, *assessment.CapabilityState, error) {
	var (
		outA []assessment.Answer
		outS *assessment.CapabilityState
	)
	err := s.groupTx(ctx, func(tx *gorm.DB) error {
		outA, outS = nil, nil
		if len(answers) == 0 && st == nil {
			return nil
		}
		id := int64(0)
		if st != nil {
			id = st.AssessmentID
		} else {
			id = answers[0].AssessmentID
		}
		org, err := touchUnlocked(tx, id, s.now())
		if err != nil {
			return err
		}
		for _, a := range answers {
			saved, err := s.saveAnswerTx(tx, by, org, a)
			if err != nil {
				return err
			}
			outA = append(outA, saved)
		}
		if st != nil {
			saved, err := s.saveCapabilityTx(tx, by, org, *st)
			if err != nil {
				return err
			}
			outS = &saved
		}
		return nil
	})
	return outA, outS, err
}

// saveAnswerTx writes a, merged field by field over the stored answer when
// a was made on an older version (assessment.MergeAnswer); the row is
// locked first, so on PostgreSQL a concurrent save waits and then merges
// with what that save wrote.
func (s *Store) saveAnswerTx(tx *gorm.DB, by assessment.Actor, org int64, a assessment.Answer) (assessment.Answer, error) {
	var cur answerRow
	if err := tx.Clauses(clause.Locking{Strength: "UPDATE"}).Where("assessment_id = ? AND indicator_key = ?", a.AssessmentID, a.IndicatorKey).First(&cur).Error; err != nil {
		return assessment.Answer{}, notFound(err, "indicator")
	}
	w, err := planAnswer(assessmentAnswerTable, a.AssessmentID, cur, a, by, s.now())
	if err != nil || w.stored {
		return cur.domain(), err
	}
	return w.write(tx, by, org)
}

// answerActions names the audit action by the answer's provenance.
var answerActions = map[assessment.AnswerSource]string{
	assessment.SourceTyped: "answer.save", assessment.SourceContribution: "answer.adopt", assessment.SourceCoordinator: "answer.decide",
}

// answerAudit is the part of an answer worth recording before and after.
func answerAudit(r answerRow) map[string]any {
	m := map[string]any{"answer": r.Value, "evidence": r.Evidence, "links": r.Links, "note": r.Note, "version": r.Version}
	if r.Source != "" {
		m["source"], m["source_contribution_id"], m["source_reason"] = r.Source, r.SourceContributionID, r.SourceReason
	}
	return m
}

// lockedCheck refuses writes to an approved assessment and returns its
// organisation for the audit event. It first takes its turn (takeTurn)
// and the assessment row's write lock (lockRow), so the check holds until
// the caller commits: approval updates that row, so on PostgreSQL at READ
// COMMITTED a save falls wholly before an approval or is refused after it,
// never lands after it. Every write to answers, judgements and contributions calls it.
func lockedCheck(tx *gorm.DB, assessmentID int64) (int64, error) {
	if err := takeTurn(tx, assessmentID); err != nil {
		return 0, err
	}
	if err := lockRow(tx, "assessments", assessmentID); err != nil {
		return 0, notFound(err, "assessment")
	}
	var a assessmentRow
	if err := tx.Select("id, organisation_id, status").First(&a, assessmentID).Error; err != nil {
		return 0, notFound(err, "assessment")
	}
	if err := assessment.CheckUnlocked(&assessment.Assessment{Status: assessment.Status(a.Status)}); err != nil {
		return 0, err // the domain's rule, applied inside the write
	}
	return a.OrganisationID, nil
}

// touchUnlocked marks the assessment changed, only if it is not locked
// (assessment.LockedStatuses), and returns its organisation for the audit
// event: the lock rule as one conditional write. On PostgreSQL the update
// holds the assessment row until commit, and an approval waiting on it, or
// waited on, is seen (the WHERE clause is re-checked after the wait), so a
// save falls wholly before an approval or is refused after it.
func touchUnlocked(tx *gorm.DB, id int64, now time.Time) (int64, error) {
	if err := takeTurn(tx, id); err != nil {
		return 0, err
	}
	var orgs []int64
	err := tx.Raw("UPDATE assessments SET updated_at = ? WHERE id = ? AND status NOT IN ? RETURNING organisation_id",
		now, id, assessment.LockedStatuses()).Scan(&orgs).Error
	if err != nil {
		return 0, fmt.Errorf("touch assessment: %w", err)
	}
	if len(orgs) == 1 {
		return orgs[0], nil
	}
	return 0, whyNotWritten(tx, id)
}

// whyNotWritten says why the lock rule's conditional statement found no
// assessment id to write to: missing, locked, or reopened in between.
func whyNotWritten(tx *gorm.DB, id int64) error {
	var status []string
	if err := tx.Raw("SELECT status FROM assessments WHERE id = ?", id).Scan(&status).Error; err != nil {
		return fmt.Errorf("read assessment status: %w", err)
	}
	if len(status) == 0 {
		return assessment.NotFound("assessment")
	}
	if err := assessment.CheckUnlocked(&assessment.Assessment{Status: assessment.Status(status[0])}); err != nil {
		return err
	}
	// Reopened between the two statements (PostgreSQL): nothing was written.
	return assessment.Errorf(assessment.ECONFLICT, "this assessment changed status at the same moment; save again")
}

func touchAssessment(tx *gorm.DB, id int64, now any) error {
	if err := tx.Model(&assessmentRow{}).Where("id = ?", id).Update("updated_at", now).Error; err != nil {
		return fmt.Errorf("touch assessment: %w", err)
	}
	return nil
}
