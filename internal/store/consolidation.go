package store

import (
	"context"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// ConsolidationContent loads an assessment's contributions and every
// answer they gave (contribution id → indicator key → answer), to line
// them up beside the national answers.
func (s *Store) ConsolidationContent(ctx context.Context, assessmentID int64) ([]assessment.Contribution, map[int64]map[string]assessment.Answer, error) {
	var (
		list []assessment.Contribution
		rows []contributionAnswerRow
	)
	err := s.read(ctx).Transaction(func(tx *gorm.DB) error {
		var err error
		if list, err = contributionsWhere(tx, "assessment_id = ?", assessmentID); err != nil {
			return err
		}
		ids := []int64{0}
		for _, c := range list {
			ids = append(ids, c.ID)
		}
		return tx.Where("contribution_id IN ?", ids).Find(&rows).Error
	})
	if err != nil {
		return nil, nil, fmt.Errorf("load consolidation: %w", err)
	}
	answers := map[int64]map[string]assessment.Answer{}
	for _, r := range rows {
		if answers[r.ContributionID] == nil {
			answers[r.ContributionID] = map[string]assessment.Answer{}
		}
		answers[r.ContributionID][r.IndicatorKey] = r.domain(assessmentID)
	}
	return list, answers, nil
}

// AdoptAnswer copies a submitted contribution's answer to one indicator
// (value, evidence, links and note) to the national answer, if version is
// still the national answer's stored version, recording the contribution
// as its source; one transaction, audited as "answer.adopt". A
// contribution of another assessment is not found.
func (s *Store) AdoptAnswer(ctx context.Context, by assessment.Actor, assessmentID int64, indicatorKey string, contributionID int64, version int) (assessment.Answer, error) {
	var saved assessment.Answer
	err := s.tx(ctx, func(tx *gorm.DB) error {
		org, err := lockedCheck(tx, assessmentID)
		if err != nil {
			return err
		}
		if saved, err = s.adoptTx(tx, by, org, assessmentID, assessment.Adoption{IndicatorKey: indicatorKey, ContributionID: contributionID, Version: version}); err != nil {
			return err
		}
		return touchAssessment(tx, assessmentID, s.now())
	})
	return saved, err
}

// adoptTx is one adoption inside a transaction that checked the lock.
func (s *Store) adoptTx(tx *gorm.DB, by assessment.Actor, org int64, assessmentID int64, ad assessment.Adoption) (assessment.Answer, error) {
	indicatorKey := ad.IndicatorKey
	var c contributionRow
	if err := tx.Where("id = ? AND assessment_id = ?", ad.ContributionID, assessmentID).First(&c).Error; err != nil {
		return assessment.Answer{}, notFound(err, "contribution")
	}
	if c.Status != string(assessment.ContributionSubmitted) {
		return assessment.Answer{}, assessment.Errorf(assessment.ECONFLICT, "this contribution has not been submitted yet; only submitted answers can be adopted")
	}
	var from contributionAnswerRow
	err := tx.Where("contribution_id = ? AND indicator_key = ?", c.ID, indicatorKey).First(&from).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return assessment.Answer{}, assessment.FieldError("contribution_id", "this contribution was not asked about indicator %q", indicatorKey)
	} else if err != nil {
		return assessment.Answer{}, fmt.Errorf("load contribution answer: %w", err)
	}
	a := from.domain(assessmentID)
	if a.Value == assessment.Unanswered {
		return assessment.Answer{}, assessment.FieldError("contribution_id", "this contribution did not answer indicator %q", indicatorKey)
	}
	a.Version, a.Source, a.SourceContributionID = ad.Version, assessment.SourceContribution, &c.ID
	return s.saveAnswerTx(tx, by, org, a)
}

// DecideAnswer writes the coordinator's own national answer with the
// reason for it (a.Source must be SourceCoordinator), versioned like any
// answer and audited as "answer.decide".
func (s *Store) DecideAnswer(ctx context.Context, by assessment.Actor, a assessment.Answer) (assessment.Answer, error) {
	if a.Source != assessment.SourceCoordinator || a.SourceReason == "" {
		return assessment.Answer{}, assessment.FieldError("reason", "is required for a coordinator decision")
	}
	a.SourceContributionID = nil
	return s.SaveAnswer(ctx, by, a)
}
