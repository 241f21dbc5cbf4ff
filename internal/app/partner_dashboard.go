package app

import (
	"context"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/report"
)

// PartnerDashboard is what a partner organisation's members see of those
// who share with it. Organisations come alphabetically, never ranked.
type PartnerDashboard struct {
	Receiving []assessment.Organisation // the viewer's organisations shared with
	Partners  *report.Partners
	Reports   map[int64][]assessment.Assessment // by sharing organisation, newest first
	Min       int
}

// PartnerDashboard gathers every assessment shared with the principal's
// organisations (its SharedWith, so a revocation applies at once), grouped
// by sharing organisation; approved ones feed the small multiples and the
// aggregates, read in cur's terms with names in lang. It reads only the
// values the figures rest on, one assessment at a time, in a fixed number
// of statements however many organisations share.
func (a *App) PartnerDashboard(ctx context.Context, p *policy.Principal, cur *framework.Framework, lang string) (*PartnerDashboard, error) {
	var out *PartnerDashboard
	err := a.ShowPartnerDashboard(ctx, p, cur, lang, func(d *PartnerDashboard) error { out = d; return nil })
	return out, err
}

// ShowPartnerDashboard is PartnerDashboard calling show (a page's or the
// API's rendering) before giving its turn back: a dashboard's output is
// megabytes, so it is bounded with the reads (see bound).
func (a *App) ShowPartnerDashboard(ctx context.Context, p *policy.Principal, cur *framework.Framework, lang string, show func(*PartnerDashboard) error) error {
	if !policy.CanViewPartnerDashboard(p) {
		return assessment.Errorf(assessment.EFORBIDDEN, "The partner view is for members of an organisation that others share their reports with.")
	}
	release, err := dashboards.acquire(ctx)
	if err != nil {
		return err
	}
	defer release()
	d, err := a.partnerDashboard(ctx, p, cur, lang)
	if err != nil {
		return err
	}
	return show(d)
}

// partnerDashboard reads and computes the dashboard.
func (a *App) partnerDashboard(ctx context.Context, p *policy.Principal, cur *framework.Framework, lang string) (*PartnerDashboard, error) {
	out := &PartnerDashboard{Reports: map[int64][]assessment.Assessment{}, Min: report.MinContributors}
	shares, err := a.db.SharesWith(ctx, p.OrganisationIDs())
	if err != nil {
		return nil, err
	}
	orgIDs, recIDs := sharingAndReceiving(shares)
	if out.Receiving, err = a.db.Organisations(ctx, recIDs); err != nil {
		return nil, err
	}
	orgs, err := a.db.Organisations(ctx, orgIDs)
	if err != nil {
		return nil, err
	}
	list, err := a.db.Assessments(ctx, orgIDs)
	if err != nil {
		return nil, err
	}
	approved := map[int64]assessment.Assessment{}
	var approvedIDs []int64
	for _, as := range list {
		if !p.SharedWith[as.ID] {
			continue
		}
		out.Reports[as.OrganisationID] = append(out.Reports[as.OrganisationID], as)
		if as.Status == assessment.StatusApproved {
			approved[as.ID] = as
			approvedIDs = append(approvedIDs, as.ID)
		}
	}
	figures, err := a.cycleFigures(ctx, cur, orgs, approved, approvedIDs)
	if err != nil {
		return nil, err
	}
	out.Partners = report.PartnersOf(cur, orgs, figures, lang)
	return out, nil
}

// cycleFigures computes the approved assessments' figures by organisation,
// streaming their answer values so that only one is held at a time.
func (a *App) cycleFigures(ctx context.Context, cur *framework.Framework, orgs []assessment.Organisation, approved map[int64]assessment.Assessment, ids []int64) (map[int64][]report.CycleFigures, error) {
	orgBy := make(map[int64]assessment.Organisation, len(orgs))
	for _, o := range orgs {
		orgBy[o.ID] = o
	}
	out := map[int64][]report.CycleFigures{}
	// One assessment's Detail and scores at a time, in the same memory.
	var details assessment.ValuesDetails
	var scorer report.CycleScorer
	err := a.db.EachAssessmentValues(ctx, ids, func(id int64, states []assessment.CapabilityState, values map[string]assessment.AnswerValue) error {
		as := approved[id]
		fw, err := framework.Get(as.FrameworkVersion)
		if err != nil {
			return err
		}
		d := details.Next(fw, orgBy[as.OrganisationID], as, states, values)
		out[as.OrganisationID] = append(out[as.OrganisationID], scorer.Of(cur, d))
		return nil
	})
	return out, err
}

// sharingAndReceiving lists, once each and in share order, the
// organisations that share and those shared with. Both are never nil: a
// nil list would mean every organisation to the store.
func sharingAndReceiving(shares []assessment.Share) (sharing, receiving []int64) {
	sharing, receiving = []int64{}, []int64{}
	seenS, seenR := map[int64]bool{}, map[int64]bool{}
	for _, sh := range shares {
		if !seenS[sh.OrganisationID] {
			seenS[sh.OrganisationID] = true
			sharing = append(sharing, sh.OrganisationID)
		}
		if !seenR[sh.PartnerOrganisationID] {
			seenR[sh.PartnerOrganisationID] = true
			receiving = append(receiving, sh.PartnerOrganisationID)
		}
	}
	return sharing, receiving
}
