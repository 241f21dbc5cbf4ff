package app

import (
	"context"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// statusNames are the English status names (Status_<status>), the fallback
// text of the status a refusal names.
var statusNames = func() map[assessment.Status]string {
	en := i18n.Default().For("en")
	m := map[assessment.Status]string{}
	for _, st := range []assessment.Status{assessment.StatusDraft, assessment.StatusInReview, assessment.StatusApproved} {
		m[st] = en.T("Status_" + string(st))
	}
	return m
}()

// StartCycle starts the next cycle of d, an assessment p may see, for the
// form and the API: who (403), from an approved assessment (409), then the
// new draft pinned to fw, the current framework, with the same scope read
// through the framework's mapping when the versions differ.
func (a *App) StartCycle(ctx context.Context, p *policy.Principal, by assessment.Actor, fw *framework.Framework, d *assessment.Detail, title, period string) (assessment.Assessment, error) {
	if !policy.CanStartCycle(p, &d.Assessment) {
		return assessment.Assessment{}, assessment.Errorf(assessment.EFORBIDDEN, "Only the organisation's owners and coordinators start a new cycle.")
	}
	if d.Assessment.Status != assessment.StatusApproved {
		return assessment.Assessment{}, assessment.Errorf(assessment.ECONFLICT, "the next cycle starts from an approved assessment; this one is %s",
			assessment.Term{ID: "WorkStatusIs_" + string(d.Assessment.Status), English: statusNames[d.Assessment.Status]})
	}
	var scope []string
	for _, k := range d.Assessment.Scope {
		if nk, ok := fw.MapCapability(d.Assessment.FrameworkVersion, k); ok {
			scope = append(scope, nk)
		}
	}
	if d.Assessment.National(d.Framework) {
		// A national assessment continues national: the current version's
		// enablers join even when the earlier version had none.
		for _, e := range fw.Enablers() {
			scope = append(scope, e.Key)
		}
	}
	if len(scope) == 0 {
		return assessment.Assessment{}, assessment.Errorf(assessment.ECONFLICT, "no capability of this assessment has a counterpart in framework version %s", fw.Version)
	}
	in := assessment.AssessmentInput{OrganisationID: d.Assessment.OrganisationID, Title: title, Period: period, Scope: scope}
	as, err := in.Validate(fw)
	if err != nil {
		return as, err
	}
	return a.db.StartNextCycle(ctx, by, fw, d.Assessment.ID, as)
}
