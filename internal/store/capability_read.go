package store

import (
	"context"
	"fmt"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// CapabilityAnswers reads one capability's judgement and answers, not the
// rest of the assessment: a capability page and a save read what they show
// or check, in a constant number of statements whatever the assessment's
// size.
func (s *Store) CapabilityAnswers(ctx context.Context, assessmentID int64, capabilityKey string) ([]assessment.CapabilityState, []assessment.Answer, error) {
	db := s.read(ctx)
	states, err := scanStates(db, "assessment_id = ? AND capability_key = ?", assessmentID, capabilityKey)
	if err != nil {
		return nil, nil, err
	}
	answers, err := scanAnswers(db, "assessment_id = ? AND capability_key = ?", assessmentID, capabilityKey)
	return states, answers, err
}

// ContributionHead reads a contribution with the assessment it feeds and
// that assessment's organisation, without the agency's answers.
func (s *Store) ContributionHead(ctx context.Context, id int64) (assessment.Contribution, assessment.Assessment, assessment.Organisation, error) {
	db := s.read(ctx)
	list, err := contributionsWhere(db, "id = ?", id)
	if err != nil {
		return assessment.Contribution{}, assessment.Assessment{}, assessment.Organisation{}, err
	}
	if len(list) == 0 {
		return assessment.Contribution{}, assessment.Assessment{}, assessment.Organisation{}, assessment.NotFound("contribution")
	}
	var (
		a         assessmentRow
		requester organisationRow
	)
	if err := db.First(&a, list[0].AssessmentID).Error; err != nil {
		return list[0], assessment.Assessment{}, assessment.Organisation{}, notFound(err, "assessment")
	}
	if err := db.First(&requester, a.OrganisationID).Error; err != nil {
		return list[0], assessment.Assessment{}, assessment.Organisation{}, fmt.Errorf("load organisation: %w", err)
	}
	return list[0], a.domain(nil), requester.domain(), nil
}

// ContributionCapabilityAnswers reads the agency's answers to one
// capability of a contribution.
func (s *Store) ContributionCapabilityAnswers(ctx context.Context, contributionID, assessmentID int64, capabilityKey string) ([]assessment.Answer, error) {
	return contributionAnswers(s.read(ctx), assessmentID, "contribution_id = ? AND capability_key = ?", contributionID, capabilityKey)
}
