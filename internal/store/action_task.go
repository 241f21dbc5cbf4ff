package store

import (
	"context"
	"fmt"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// ActionTask is an open action a responsible organisation carries, with
// the assessment whose plan it belongs to.
type ActionTask struct {
	Action     assessment.PlanAction
	Assessment assessment.Assessment
	Requester  assessment.Organisation
}

// ActionTasks lists the open actions the organisations are responsible
// for (not those continued in a later cycle), earliest due first.
func (s *Store) ActionTasks(ctx context.Context, orgIDs []int64) ([]ActionTask, error) {
	if len(orgIDs) == 0 {
		return nil, nil
	}
	var rows []actionRow
	err := s.read(ctx).Where("owner_organisation_id IN ? AND carried_to_id IS NULL AND status NOT IN ?", orgIDs,
		[]string{string(assessment.ActionDone), string(assessment.ActionDropped)}).
		Order("due_date IS NULL, due_date, id").Limit(500).Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("list action tasks: %w", err)
	}
	if len(rows) == 0 {
		return nil, nil
	}
	actions, err := s.withOwnerNames(ctx, rows)
	if err != nil {
		return nil, err
	}
	ids := map[int64]bool{}
	var aids []int64
	for _, r := range rows {
		if !ids[r.AssessmentID] {
			ids[r.AssessmentID] = true
			aids = append(aids, r.AssessmentID)
		}
	}
	var as []assessmentRow
	if len(aids) > 0 {
		if err := s.read(ctx).Where("id IN ?", aids).Find(&as).Error; err != nil {
			return nil, fmt.Errorf("load task assessments: %w", err)
		}
	}
	byID := map[int64]assessmentRow{}
	var orgIDsOf []int64
	for _, a := range as {
		byID[a.ID] = a
		orgIDsOf = append(orgIDsOf, a.OrganisationID)
	}
	orgs, err := s.Organisations(ctx, orgIDsOf)
	if err != nil {
		return nil, err
	}
	orgBy := map[int64]assessment.Organisation{}
	for _, o := range orgs {
		orgBy[o.ID] = o
	}
	out := make([]ActionTask, 0, len(actions))
	for _, a := range actions {
		ar := byID[a.AssessmentID]
		out = append(out, ActionTask{Action: a, Assessment: ar.domain(nil), Requester: orgBy[ar.OrganisationID]})
	}
	return out, nil
}

// OrganisationsInCountry lists the organisations of a country by name, the
// choices for an action's responsible organisation.
func (s *Store) OrganisationsInCountry(ctx context.Context, country string) ([]assessment.Organisation, error) {
	var rows []organisationRow
	if err := s.read(ctx).Where("country = ?", country).Order("name, id").Limit(1000).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list organisations of %s: %w", country, err)
	}
	out := make([]assessment.Organisation, len(rows))
	for i, r := range rows {
		out[i] = r.domain()
	}
	return out, nil
}
