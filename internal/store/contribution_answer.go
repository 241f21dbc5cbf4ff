package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

type contributionAnswerRow struct {
	ContributionID int64  `gorm:"primaryKey"`
	IndicatorKey   string `gorm:"primaryKey"`
	CapabilityKey  string
	Value          string
	Evidence       string
	Links          string
	Note           string
	Version        int
	UpdatedAt      *time.Time `gorm:"autoUpdateTime:false"`
	UpdatedBy      string
}

func (contributionAnswerRow) TableName() string { return "contribution_answers" }

// row is the agency's answer as a row of the assessment it contributes to.
func (r contributionAnswerRow) row(assessmentID int64) answerRow {
	return answerRow{AssessmentID: assessmentID, IndicatorKey: r.IndicatorKey, CapabilityKey: r.CapabilityKey, Value: r.Value,
		Evidence: r.Evidence, Links: r.Links, Note: r.Note, Version: r.Version, UpdatedAt: r.UpdatedAt, UpdatedBy: r.UpdatedBy}
}

// domain reads the row as an answer to the assessment it contributes to.
func (r contributionAnswerRow) domain(assessmentID int64) assessment.Answer {
	return r.row(assessmentID).domain()
}

func contributionAnswers(db *gorm.DB, assessmentID int64, query string, args ...any) ([]assessment.Answer, error) {
	var rows []contributionAnswerRow
	if err := db.Where(query, args...).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("load contribution answers: %w", err)
	}
	out := make([]assessment.Answer, len(rows))
	for i, r := range rows {
		out[i] = r.domain(assessmentID)
	}
	return out, nil
}

// SaveContributionAnswers writes answers of one contribution, each only if
// its version is still the stored one, in one transaction with an audit
// event each (recorded for the agency). The first save moves an invited
// contribution to in progress; a submitted contribution, or one to an
// approved assessment, refuses every write.
func (s *Store) SaveContributionAnswers(ctx context.Context, by assessment.Actor, contributionID int64, answers []assessment.Answer) ([]assessment.Answer, error) {
	var out []assessment.Answer
	err := s.groupTx(ctx, func(tx *gorm.DB) error {
		out = nil
		if len(answers) == 0 {
			return nil
		}
		c, err := moveContribution(tx, contributionID, assessment.ContributionInProgress, map[string]any{"status": string(assessment.ContributionInProgress)})
		if err != nil {
			return err
		}
		now := s.now()
		for _, a := range answers {
			saved, err := saveContributionAnswerTx(tx, now, by, c, a)
			if err != nil {
				return err
			}
			out = append(out, saved)
		}
		return nil
	})
	return out, err
}

// moveContribution checks the transition and applies upd, guarded so a
// concurrent submission wins cleanly (the guarded UPDATE also takes the
// row lock in PostgreSQL before any answer changes).
func moveContribution(tx *gorm.DB, id int64, to assessment.ContributionStatus, upd map[string]any) (contributionRow, error) {
	var c contributionRow
	if err := tx.First(&c, id).Error; err != nil {
		return c, notFound(err, "contribution")
	}
	if err := assessment.CheckContributionTransition(assessment.ContributionStatus(c.Status), to); err != nil {
		return c, err
	}
	if _, err := lockedCheck(tx, c.AssessmentID); err != nil {
		return c, err
	}
	res := tx.Model(&contributionRow{}).Where("id = ? AND status <> ?", id, string(assessment.ContributionSubmitted)).Updates(upd)
	if res.Error != nil {
		return c, fmt.Errorf("update contribution: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return c, assessment.Errorf(assessment.ECONFLICT, "this contribution was submitted at the same moment and can no longer change")
	}
	return c, nil
}

// saveContributionAnswerTx is saveAnswerTx for an agency's answer: the
// same plan and write (answer_write.go) on the contribution's table, with
// the agency's audit event.
func saveContributionAnswerTx(tx *gorm.DB, now time.Time, by assessment.Actor, c contributionRow, a assessment.Answer) (assessment.Answer, error) {
	var cur contributionAnswerRow
	if err := tx.Clauses(clause.Locking{Strength: "UPDATE"}).Where("contribution_id = ? AND indicator_key = ?", c.ID, a.IndicatorKey).First(&cur).Error; err != nil {
		return assessment.Answer{}, notFound(err, "indicator")
	}
	w, err := planAnswer(contributionAnswerTable, c.ID, cur.row(c.AssessmentID), a, by, now)
	if err != nil || w.stored {
		return cur.domain(c.AssessmentID), err
	}
	w.event.Action, w.event.Object = "contribution.answer", fmt.Sprintf("contribution %d indicator %s", c.ID, a.IndicatorKey)
	w.event.AssessmentID = c.AssessmentID
	return w.write(tx, by, c.OrganisationID)
}

// SubmitContribution hands a complete contribution to the coordinator: the
// status, the audit event and the notifications notify decides (nil for
// none), in one transaction. It returns the notifications, for mailing.
func (s *Store) SubmitContribution(ctx context.Context, by assessment.Actor, id int64, notify assessment.ContributionRule) ([]assessment.Notification, error) {
	var notes []assessment.Notification
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var c contributionRow
		if err := tx.First(&c, id).Error; err != nil {
			return notFound(err, "contribution")
		}
		var unanswered int64
		if err := tx.Model(&contributionAnswerRow{}).Where("contribution_id = ? AND value = ''", id).Count(&unanswered).Error; err != nil {
			return fmt.Errorf("count unanswered: %w", err)
		}
		if err := assessment.CheckSubmit(assessment.ContributionStatus(c.Status), int(unanswered)); err != nil {
			return err
		}
		now := s.now()
		if _, err := moveContribution(tx, id, assessment.ContributionSubmitted, map[string]any{"status": string(assessment.ContributionSubmitted), "submitted_at": now}); err != nil {
			return err
		}
		a, national, err := writableAssessment(tx, c.AssessmentID)
		if err != nil {
			return err
		}
		var agency organisationRow
		if err := tx.First(&agency, c.OrganisationID).Error; err != nil {
			return fmt.Errorf("load agency: %w", err)
		}
		err = appendAudit(tx, now, by, assessment.AuditEvent{OrganisationID: c.OrganisationID, AssessmentID: c.AssessmentID, Action: "contribution.submit",
			Object: fmt.Sprintf("contribution %d", id), Before: auditJSON(map[string]string{"status": c.Status}),
			After: auditJSON(map[string]string{"status": string(assessment.ContributionSubmitted)})})
		if err != nil {
			return err
		}
		if notify == nil {
			return nil
		}
		notes, err = writeNotices(tx, now, notify(national.domain(), a.domain(nil), c.domain(nil, agency))...)
		return err
	})
	return notes, err
}
