package store

import (
	"context"
	"fmt"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// Share returns one share with the names it refers to.
func (s *Store) Share(ctx context.Context, id int64) (assessment.Share, error) {
	var row shareRow
	if err := s.read(ctx).First(&row, id).Error; err != nil {
		return assessment.Share{}, notFound(err, "share")
	}
	out, err := s.sharesOut(ctx, []shareRow{row})
	if err != nil {
		return assessment.Share{}, err
	}
	return out[0], nil
}

// Shares lists what an organisation shares (revoked shares included, for
// the record), newest first.
func (s *Store) Shares(ctx context.Context, orgID int64) ([]assessment.Share, error) {
	var rows []shareRow
	if err := s.read(ctx).Where("organisation_id = ?", orgID).Order("id DESC").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list shares: %w", err)
	}
	return s.sharesOut(ctx, rows)
}

// SharesWith lists the active shares made to any of the partner
// organisations, oldest first.
func (s *Store) SharesWith(ctx context.Context, partnerIDs []int64) ([]assessment.Share, error) {
	if len(partnerIDs) == 0 {
		return nil, nil
	}
	var rows []shareRow
	if err := s.read(ctx).Where("partner_organisation_id IN ? AND revoked_at IS NULL", partnerIDs).Order("id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list shares with partner: %w", err)
	}
	return s.sharesOut(ctx, rows)
}

// SharedAssessmentIDs is the set of assessments the given organisations may
// read as partners: those shared one by one, and every approved assessment
// of an organisation that shares all of its approved assessments. Only
// active shares count, so revoking takes effect on the next request.
func (s *Store) SharedAssessmentIDs(ctx context.Context, partnerIDs []int64) (map[int64]bool, error) {
	out := map[int64]bool{}
	shares, err := s.SharesWith(ctx, partnerIDs)
	if err != nil || len(shares) == 0 {
		return out, err
	}
	var all []int64
	for _, sh := range shares {
		if sh.AssessmentID != nil {
			out[*sh.AssessmentID] = true
		} else {
			all = append(all, sh.OrganisationID)
		}
	}
	if len(all) > 0 {
		var ids []int64
		if err := s.read(ctx).Model(&assessmentRow{}).Where("organisation_id IN ? AND status = ?", all, string(assessment.StatusApproved)).
			Pluck("id", &ids).Error; err != nil {
			return nil, fmt.Errorf("list shared assessments: %w", err)
		}
		for _, id := range ids {
			out[id] = true
		}
	}
	return out, nil
}

// sharesOut converts rows, naming organisations, assessments and people.
func (s *Store) sharesOut(ctx context.Context, rows []shareRow) ([]assessment.Share, error) {
	var orgIDs, assessIDs, userIDs []int64
	for _, r := range rows {
		orgIDs = append(orgIDs, r.OrganisationID, r.PartnerOrganisationID)
		if r.AssessmentID != nil {
			assessIDs = append(assessIDs, *r.AssessmentID)
		}
		for _, u := range []*int64{r.CreatedBy, r.RevokedBy} {
			if u != nil {
				userIDs = append(userIDs, *u)
			}
		}
	}
	orgs, users := map[int64]organisationRow{}, map[int64]string{}
	assess := map[int64]assessmentRow{}
	if len(rows) > 0 {
		var os []organisationRow
		var as []assessmentRow
		var us []userRow
		if err := s.read(ctx).Where("id IN ?", orgIDs).Find(&os).Error; err != nil {
			return nil, fmt.Errorf("load share organisations: %w", err)
		}
		if err := s.read(ctx).Where("id IN ?", append(assessIDs, 0)).Find(&as).Error; err != nil {
			return nil, fmt.Errorf("load shared assessments: %w", err)
		}
		if err := s.read(ctx).Select("id, name").Where("id IN ?", append(userIDs, 0)).Find(&us).Error; err != nil {
			return nil, fmt.Errorf("load share users: %w", err)
		}
		for _, o := range os {
			orgs[o.ID] = o
		}
		for _, a := range as {
			assess[a.ID] = a
		}
		for _, u := range us {
			users[u.ID] = u.Name
		}
	}
	name := func(p *int64) string {
		if p == nil {
			return ""
		}
		return users[*p]
	}
	out := make([]assessment.Share, len(rows))
	for i, r := range rows {
		sh := assessment.Share{ID: r.ID, OrganisationID: r.OrganisationID, OrganisationName: orgs[r.OrganisationID].Name,
			PartnerOrganisationID: r.PartnerOrganisationID, PartnerName: orgs[r.PartnerOrganisationID].Name,
			AssessmentID: r.AssessmentID, CreatedBy: name(r.CreatedBy), CreatedAt: r.CreatedAt, RevokedAt: r.RevokedAt, RevokedBy: name(r.RevokedBy)}
		if r.AssessmentID != nil {
			sh.AssessmentTitle, sh.AssessmentPeriod = assess[*r.AssessmentID].Title, assess[*r.AssessmentID].Period
		}
		out[i] = sh
	}
	return out, nil
}
