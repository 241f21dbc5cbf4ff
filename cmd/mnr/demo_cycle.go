package main

import (
	"context"
	"fmt"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// demoPartnerOrg is the NGO Demoland shares its approved assessments with.
const demoPartnerOrg = "Child Rights Watch International"

// demoReview takes an assessment through review the way a real one goes:
// submitted, questioned on a capability, returned, answered, resolved,
// resubmitted and approved.
func demoReview(ctx context.Context, db *store.Store, coordinator, reviewer assessment.Actor, a assessment.Assessment) error {
	if _, err := db.Transition(ctx, coordinator, a.ID, assessment.ActionSubmit, "", assessment.TransitionNotices); err != nil {
		return err
	}
	q, err := db.AddComment(ctx, reviewer, assessment.Comment{AssessmentID: a.ID, CapabilityKey: "legislation",
		Body: "Which article of the penal code covers online grooming? Please cite it in the evidence."})
	if err != nil {
		return err
	}
	if _, err := db.Transition(ctx, reviewer, a.ID, assessment.ActionReturn, "One question on legislation before approval; see the comment there.", assessment.TransitionNotices); err != nil {
		return err
	}
	if _, err := db.AddComment(ctx, coordinator, assessment.Comment{AssessmentID: a.ID, ParentID: &q.ID,
		Body: "Article 214-3, added in 2024 (fictional). The evidence now cites it."}); err != nil {
		return err
	}
	if _, err := db.ResolveComment(ctx, reviewer, q.ID); err != nil {
		return err
	}
	if _, err := db.Transition(ctx, coordinator, a.ID, assessment.ActionSubmit, "", assessment.TransitionNotices); err != nil {
		return err
	}
	_, err = db.Transition(ctx, reviewer, a.ID, assessment.ActionApprove, "", assessment.TransitionNotices)
	return err
}

// demoNextCycle starts the 2026 cycle from the approved 2025 one. The
// capabilities whose phase changed are answered afresh, the first few
// unchanged ones confirmed, the rest left "carried forward — confirm"; the
// contributor's capabilities are cleared for them to answer, so the cycle
// is still in progress. A reviewer's question stays open.
func demoNextCycle(ctx context.Context, db *store.Store, fw *framework.Framework, coordinator, reviewer assessment.Actor,
	prev assessment.Assessment, before, after []int, cleared []string) (assessment.Assessment, error) {
	in := assessment.AssessmentInput{OrganisationID: prev.OrganisationID, Title: prev.Title, Period: "2026", Scope: demoNextScope(fw, prev)}
	a, err := in.Validate(fw)
	if err != nil {
		return a, err
	}
	if a, err = db.StartNextCycle(ctx, coordinator, fw, prev.ID, a); err != nil {
		return a, err
	}
	_, _, states, answers, err := db.AssessmentContent(ctx, a.ID)
	if err != nil {
		return a, err
	}
	versions, stateVersions := map[string]int{}, map[string]int{}
	for _, an := range answers {
		versions[an.IndicatorKey] = an.Version
	}
	for _, st := range states {
		stateVersions[st.CapabilityKey] = st.Version
	}
	isCleared := map[string]bool{}
	for _, k := range cleared {
		isCleared[k] = true
	}
	confirmed := 0
	for _, c := range fw.Capabilities() {
		var err error
		switch {
		case isCleared[c.Key]:
			err = demoAnswer(ctx, db, coordinator, a.ID, c, -1, versions, stateVersions[c.Key])
		case after[c.Number] != before[c.Number]:
			err = demoAnswer(ctx, db, coordinator, a.ID, c, after[c.Number], versions, stateVersions[c.Key])
		case confirmed < 5:
			confirmed++
			keys := make([]string, len(c.Indicators))
			for i, ind := range c.Indicators {
				keys[i] = ind.Key
			}
			if _, err = db.ConfirmCarried(ctx, coordinator, a.ID, keys); err == nil {
				err = demoAnswerNew(ctx, db, coordinator, a.ID, c, after[c.Number], answers)
			}
		default:
			err = demoAnswerNew(ctx, db, coordinator, a.ID, c, after[c.Number], answers)
		}
		if err != nil {
			return a, fmt.Errorf("%s: %w", c.Key, err)
		}
	}
	for _, e := range fw.Enablers() {
		if err := demoAnswer(ctx, db, coordinator, a.ID, e, demoEnablerPhases[e.Number], versions, stateVersions[e.Key]); err != nil {
			return a, fmt.Errorf("%s: %w", e.Key, err)
		}
	}
	_, err = db.AddComment(ctx, reviewer, assessment.Comment{AssessmentID: a.ID, CapabilityKey: "hotline",
		Body: "Do the 2026 report figures include reports received through the new mobile app?"})
	return a, err
}

// demoAnswer answers a capability of a carried-forward cycle from its true
// phase (as demoAssessment does) and confirms that phase; phase -1 clears
// every answer instead.
func demoAnswer(ctx context.Context, db *store.Store, by assessment.Actor, id int64, c *framework.Capability, phase int, versions map[string]int, stateVersion int) error {
	var answers []assessment.Answer
	for n, ind := range c.Indicators {
		an := assessment.Answer{AssessmentID: id, IndicatorKey: ind.Key, CapabilityKey: c.Key, Version: versions[ind.Key]}
		switch {
		case phase < 0:
		case ind.Phase <= phase:
			an.Value, an.Evidence = assessment.Yes, fmt.Sprintf("Demo evidence: reference DL-2026-%02d (fictional document).", c.Number*10+n+1)
		case ind.Phase == phase+1 && phase > 0: // Partly on phase 1 would be Building
			an.Value = assessment.Partly
		default:
			an.Value = assessment.No
		}
		answers = append(answers, an)
	}
	if phase < 0 {
		_, _, err := db.SaveCapabilityForm(ctx, by, answers, nil)
		return err
	}
	target := min(phase+1, framework.MaxPhase)
	st := &assessment.CapabilityState{AssessmentID: id, CapabilityKey: c.Key, Confirmed: &phase, Target: &target,
		Priority: demoPriority(c.Number), Lead: demoLead(c.Key), Version: stateVersion}
	_, _, err := db.SaveCapabilityForm(ctx, by, answers, st)
	return err
}

// demoPartner creates the partner NGO with its analyst, with which Demoland's
// owner shares every approved assessment.
func demoPartner(ctx context.Context, db *store.Store, by assessment.Actor, owner, analyst assessment.User, national int64) error {
	ngo, err := db.CreateOrganisation(ctx, by, assessment.Organisation{Name: demoPartnerOrg, Kind: assessment.KindNGO, Country: "CH"})
	if err != nil {
		return err
	}
	if _, err := db.AddMembership(ctx, by, assessment.Membership{UserID: analyst.ID, OrganisationID: ngo.ID, Role: assessment.RoleOwner}); err != nil {
		return err
	}
	_, err = db.CreateShare(ctx, assessment.Actor{UserID: owner.ID, Name: owner.Name}, national, assessment.ShareInput{PartnerID: ngo.ID}, assessment.ShareNotices)
	return err
}
