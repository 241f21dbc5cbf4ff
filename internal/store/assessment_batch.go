package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// Content is one assessment read whole: its organisation, the assessment
// with its scope, every capability state and every answer.
type Content struct {
	Organisation assessment.Organisation
	Assessment   assessment.Assessment
	States       []assessment.CapabilityState
	Answers      []assessment.Answer
}

// AssessmentContents is AssessmentContent for many assessments at once, in
// the order of ids (unknown ids are left out): five statements whatever
// their number, so a page over many organisations or cycles does not read
// them one by one.
func (s *Store) AssessmentContents(ctx context.Context, ids []int64) ([]Content, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	var (
		as     []assessmentRow
		orgs   []organisationRow
		states []capabilityStateRow
		ans    []answerRow
		users  []userRow
	)
	err := s.read(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Where("id IN ?", ids).Find(&as).Error; err != nil {
			return fmt.Errorf("load assessments: %w", err)
		}
		orgIDs, approvers := make([]int64, 0, len(as)), []int64{}
		for _, a := range as {
			orgIDs = append(orgIDs, a.OrganisationID)
			if a.ApprovedBy != nil {
				approvers = append(approvers, *a.ApprovedBy)
			}
		}
		if err := tx.Where("id IN ?", orgIDs).Find(&orgs).Error; err != nil {
			return fmt.Errorf("load organisations: %w", err)
		}
		if len(approvers) > 0 {
			if err := tx.Select("id, name").Where("id IN ?", approvers).Find(&users).Error; err != nil {
				return fmt.Errorf("load approvers: %w", err)
			}
		}
		if err := tx.Where("assessment_id IN ?", ids).Find(&states).Error; err != nil {
			return fmt.Errorf("load capability states: %w", err)
		}
		if err := tx.Where("assessment_id IN ?", ids).Find(&ans).Error; err != nil {
			return fmt.Errorf("load answers: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return assembleContents(ids, as, orgs, states, ans, users), nil
}

// assembleContents groups the rows of AssessmentContents by assessment.
func assembleContents(ids []int64, as []assessmentRow, orgs []organisationRow, states []capabilityStateRow, ans []answerRow, users []userRow) []Content {
	orgBy, nameBy := map[int64]organisationRow{}, map[int64]string{}
	for _, o := range orgs {
		orgBy[o.ID] = o
	}
	for _, u := range users {
		nameBy[u.ID] = u.Name
	}
	scope, stBy, ansBy := map[int64][]string{}, map[int64][]assessment.CapabilityState{}, map[int64][]assessment.Answer{}
	for _, r := range states {
		scope[r.AssessmentID] = append(scope[r.AssessmentID], r.CapabilityKey)
		stBy[r.AssessmentID] = append(stBy[r.AssessmentID], r.domain())
	}
	for _, r := range ans {
		ansBy[r.AssessmentID] = append(ansBy[r.AssessmentID], r.domain())
	}
	rowBy := map[int64]assessmentRow{}
	for _, a := range as {
		rowBy[a.ID] = a
	}
	out := make([]Content, 0, len(as))
	for _, id := range ids {
		a, ok := rowBy[id]
		if !ok {
			continue
		}
		c := Content{Organisation: orgBy[a.OrganisationID].domain(), Assessment: a.domain(scope[id]), States: stBy[id], Answers: ansBy[id]}
		if a.ApprovedBy != nil {
			c.Assessment.ApprovedByName = nameBy[*a.ApprovedBy]
		}
		out = append(out, c)
	}
	return out
}
