package store

import (
	"context"
	"fmt"
	"sort"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// ContributionTask is a contribution as a task list shows it: with the
// assessment it feeds and the organisation that asked.
type ContributionTask struct {
	Contribution assessment.Contribution
	Assessment   assessment.Assessment // without its scope
	Requester    assessment.Organisation
}

// Contribution returns one contribution with its capabilities and agency.
func (s *Store) Contribution(ctx context.Context, id int64) (assessment.Contribution, error) {
	list, err := contributionsWhere(s.read(ctx), "id = ?", id)
	if err != nil {
		return assessment.Contribution{}, err
	}
	if len(list) == 0 {
		return assessment.Contribution{}, assessment.NotFound("contribution")
	}
	return list[0], nil
}

// Contributions lists an assessment's contributions by agency name.
func (s *Store) Contributions(ctx context.Context, assessmentID int64) ([]assessment.Contribution, error) {
	list, err := contributionsWhere(s.read(ctx), "assessment_id = ?", assessmentID)
	sort.SliceStable(list, func(i, j int) bool { return list[i].Agency.Name < list[j].Agency.Name })
	return list, err
}

// ContributionContent loads a contribution with the assessment it feeds,
// that assessment's organisation and the agency's answers, as one
// consistent snapshot.
func (s *Store) ContributionContent(ctx context.Context, id int64) (assessment.Contribution, assessment.Assessment, assessment.Organisation, []assessment.Answer, error) {
	var (
		c         assessment.Contribution
		national  assessment.Assessment
		requester organisationRow
		answers   []assessment.Answer
	)
	err := s.read(ctx).Transaction(func(tx *gorm.DB) error {
		list, err := contributionsWhere(tx, "id = ?", id)
		if err != nil {
			return err
		}
		if len(list) == 0 {
			return assessment.NotFound("contribution")
		}
		c = list[0]
		var a assessmentRow
		if err := tx.First(&a, c.AssessmentID).Error; err != nil {
			return notFound(err, "assessment")
		}
		national = a.domain(nil)
		if err := tx.First(&requester, a.OrganisationID).Error; err != nil {
			return fmt.Errorf("load organisation: %w", err)
		}
		answers, err = contributionAnswers(tx, a.ID, "contribution_id = ?", id)
		return err
	})
	return c, national, requester.domain(), answers, err
}

// AgencyContributions lists the given agencies' contributions, soonest
// due first, for their members' home page.
func (s *Store) AgencyContributions(ctx context.Context, agencyIDs []int64) ([]ContributionTask, error) {
	if len(agencyIDs) == 0 {
		return nil, nil
	}
	list, err := contributionsWhere(s.read(ctx), "organisation_id IN ?", agencyIDs)
	if err != nil {
		return nil, err
	}
	return s.tasks(ctx, list)
}

// AwaitingConsolidation lists submitted contributions to the given
// organisations' unlocked assessments that took a position on an indicator
// whose national answer is neither adopted nor decided yet.
func (s *Store) AwaitingConsolidation(ctx context.Context, orgIDs []int64) ([]ContributionTask, error) {
	if len(orgIDs) == 0 {
		return nil, nil
	}
	assessments := s.read(ctx).Model(&assessmentRow{}).Select("id").Where("organisation_id IN ? AND status <> ?", orgIDs, string(assessment.StatusApproved))
	list, err := contributionsWhere(s.read(ctx), `status = ? AND assessment_id IN (?) AND EXISTS (
		SELECT 1 FROM contribution_answers ca JOIN answers a ON a.assessment_id = contributions.assessment_id AND a.indicator_key = ca.indicator_key
		WHERE ca.contribution_id = contributions.id AND ca.value NOT IN ('', 'unknown') AND a.source = '')`,
		string(assessment.ContributionSubmitted), assessments)
	if err != nil {
		return nil, err
	}
	return s.tasks(ctx, list)
}

// tasks adds each contribution's assessment and requesting organisation,
// read in two statements whatever the number of contributions.
func (s *Store) tasks(ctx context.Context, list []assessment.Contribution) ([]ContributionTask, error) {
	out := make([]ContributionTask, 0, len(list))
	if len(list) == 0 {
		return out, nil
	}
	ids := make([]int64, 0, len(list))
	for _, c := range list {
		ids = append(ids, c.AssessmentID)
	}
	var rows []assessmentRow
	if err := s.read(ctx).Where("id IN ?", ids).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("load assessments: %w", err)
	}
	byID, orgIDs := map[int64]assessmentRow{}, []int64{}
	for _, r := range rows {
		byID[r.ID] = r
		orgIDs = append(orgIDs, r.OrganisationID)
	}
	var orgs []organisationRow
	if err := s.read(ctx).Where("id IN ?", orgIDs).Find(&orgs).Error; err != nil {
		return nil, fmt.Errorf("load organisation: %w", err)
	}
	orgByID := map[int64]organisationRow{}
	for _, o := range orgs {
		orgByID[o.ID] = o
	}
	for _, c := range list {
		a, ok := byID[c.AssessmentID]
		if !ok {
			return nil, assessmentNotFound("assessment")
		}
		org, ok := orgByID[a.OrganisationID]
		if !ok {
			return nil, fmt.Errorf("load organisation %d: not found", a.OrganisationID)
		}
		out = append(out, ContributionTask{Contribution: c, Assessment: a.domain(nil), Requester: org.domain()})
	}
	sort.SliceStable(out, func(i, j int) bool {
		di, dj := out[i].Contribution.DueDate, out[j].Contribution.DueDate
		switch {
		case di == nil || dj == nil:
			return di != nil && dj == nil
		default:
			return di.Before(*dj)
		}
	})
	return out, nil
}

// contributionsWhere loads contributions matching a condition with their
// capabilities, in framework order, and agencies.
func contributionsWhere(db *gorm.DB, query string, args ...any) ([]assessment.Contribution, error) {
	var rows []contributionRow
	if err := db.Where(query, args...).Order("id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list contributions: %w", err)
	}
	if len(rows) == 0 {
		return nil, nil
	}
	ids, orgIDs, assessmentIDs := make([]int64, len(rows)), make([]int64, len(rows)), make([]int64, len(rows))
	for i, r := range rows {
		ids[i], orgIDs[i], assessmentIDs[i] = r.ID, r.OrganisationID, r.AssessmentID
	}
	var caps []contributionCapabilityRow
	if err := db.Session(&gorm.Session{NewDB: true}).Where("contribution_id IN ?", ids).Find(&caps).Error; err != nil {
		return nil, fmt.Errorf("list contribution capabilities: %w", err)
	}
	var orgs []organisationRow
	if err := db.Session(&gorm.Session{NewDB: true}).Where("id IN ?", orgIDs).Find(&orgs).Error; err != nil {
		return nil, fmt.Errorf("list agencies: %w", err)
	}
	byOrg := map[int64]organisationRow{}
	for _, o := range orgs {
		byOrg[o.ID] = o
	}
	asked := map[int64]map[string]bool{}
	for _, c := range caps {
		if asked[c.ContributionID] == nil {
			asked[c.ContributionID] = map[string]bool{}
		}
		asked[c.ContributionID][c.CapabilityKey] = true
	}
	versions := map[int64]string{}
	var as []assessmentRow
	if err := db.Session(&gorm.Session{NewDB: true}).Select("id, framework_version").Where("id IN ?", assessmentIDs).Find(&as).Error; err != nil {
		return nil, fmt.Errorf("list contributions' assessments: %w", err)
	}
	for _, a := range as {
		versions[a.ID] = a.FrameworkVersion
	}
	out := make([]assessment.Contribution, len(rows))
	for i, r := range rows {
		out[i] = r.domain(inFrameworkOrder(versions[r.AssessmentID], asked[r.ID]), byOrg[r.OrganisationID])
	}
	return out, nil
}

// inFrameworkOrder lists the chosen capability keys in MNR order, then the
// chosen enablers.
func inFrameworkOrder(version string, chosen map[string]bool) []string {
	fw, err := framework.Get(version)
	if err != nil {
		fw, _ = framework.Default()
	}
	var out []string
	for _, c := range append(append([]*framework.Capability{}, fw.Capabilities()...), fw.Enablers()...) {
		if chosen[c.Key] {
			out = append(out, c.Key)
		}
	}
	return out
}
