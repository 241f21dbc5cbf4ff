package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// lockActionFiles locks the organisation owning the action's assessment
// (quota and shared bytes, as for indicators), then the action. Files stay
// addable after the assessment's approval: implementation evidence goes on
// after sign-off. An action carried into the next cycle stops changing, its
// files too (409): they continue on the carried action.
func lockActionFiles(tx *gorm.DB, t EvidenceTarget) (int64, error) {
	var a assessmentRow
	if err := tx.Select("id, organisation_id").First(&a, t.AssessmentID).Error; err != nil {
		return 0, notFound(err, "assessment")
	}
	if err := lockOrganisation(tx, a.OrganisationID); err != nil {
		return 0, notFound(err, "organisation")
	}
	var act actionRow
	if err := tx.Clauses(clause.Locking{Strength: "UPDATE"}).First(&act, t.ActionID).Error; err != nil || act.AssessmentID != t.AssessmentID {
		return 0, notFound(err, "action")
	}
	if act.CarriedToID != nil {
		return 0, assessment.Errorf(assessment.ECONFLICT, "this action continues in the next cycle; attach files to it there")
	}
	return a.OrganisationID, nil
}

// ActionFiles lists the current files of the given actions, by action then
// upload time, in one query.
func (s *Store) ActionFiles(ctx context.Context, actionIDs []int64) (map[int64][]assessment.EvidenceFile, error) {
	if len(actionIDs) == 0 {
		return map[int64][]assessment.EvidenceFile{}, nil
	}
	return s.actionFiles(ctx, "action_id IN ?", actionIDs)
}

// AssessmentActionFiles lists the current files of every action of an
// assessment's plan, by action then upload time, in one query.
func (s *Store) AssessmentActionFiles(ctx context.Context, assessmentID int64) (map[int64][]assessment.EvidenceFile, error) {
	return s.actionFiles(ctx, "action_id IN (SELECT id FROM actions WHERE assessment_id = ?)", assessmentID)
}

func (s *Store) actionFiles(ctx context.Context, which string, arg any) (map[int64][]assessment.EvidenceFile, error) {
	var rows []evidenceFileRow
	if err := s.read(ctx).Where(which+" AND superseded_at IS NULL AND removed_at IS NULL", arg).
		Order("action_id, created_at, id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list action files: %w", err)
	}
	out := map[int64][]assessment.EvidenceFile{}
	for _, r := range rows {
		out[*r.ActionID] = append(out[*r.ActionID], r.domain())
	}
	return out, nil
}

// carryActionFiles copies the current files of action from to action to
// (the next cycle's), sharing the stored bytes, inside StartNextCycle's
// transaction.
func carryActionFiles(tx *gorm.DB, from, to, toAssessment int64) error {
	var rows []evidenceFileRow
	if err := tx.Where("action_id = ? AND superseded_at IS NULL AND removed_at IS NULL", from).Order("id").Find(&rows).Error; err != nil {
		return fmt.Errorf("load files of action %d: %w", from, err)
	}
	for _, r := range rows {
		src := r.ID
		c := r
		c.ID, c.AssessmentID, c.ActionID, c.SeriesID, c.Version, c.CarriedFrom = 0, toAssessment, &to, nil, 1, &src
		if err := tx.Create(&c).Error; err != nil {
			return fmt.Errorf("carry file %d: %w", src, err)
		}
		if err := tx.Model(&c).Update("series_id", c.ID).Error; err != nil {
			return fmt.Errorf("carry file %d: %w", src, err)
		}
	}
	return nil
}
