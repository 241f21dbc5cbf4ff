package main

import (
	"context"
	"fmt"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// demoAgency is one agency asked into the 2026 national assessment: what it
// is asked, how far it sees each capability (its own view can differ from
// the national phase: that is what consolidation settles), and whether it
// has submitted.
type demoAgency struct {
	name, coordinator string
	kind              assessment.OrgKind
	phases            map[string]int // capability → the phase the agency's answers show; -1 leaves it unanswered
	dueInDays         int
	submit            bool
}

// demoAgencies: the police and the prosecutors disagree on the judiciary
// (the police see phase 2, the prosecutors 1) and on the first indicator of
// law enforcement's phase 4; the helpline is still answering, due soon.
var demoAgencies = []demoAgency{
	{"Demoland Police Child Exploitation Unit", "police@demoland.example", assessment.KindLawEnforcement,
		map[string]int{"law-enforcement": 3, "judiciary-prosecutors": 2, "offender-management": 1}, 14, true},
	{"Demoland Public Prosecution Service", "prosecutor@demoland.example", assessment.KindProsecution,
		map[string]int{"judiciary-prosecutors": 1, "law-enforcement": 3}, 14, true},
	{"Demoland Child Helpline", "helpline@demoland.example", assessment.KindHelpline,
		map[string]int{"child-helpline": 2, "end-to-end-support": -1}, 2, false},
}

// demoContributions invites the three agencies into the 2026 assessment,
// answers their contributions, and consolidates law enforcement: the
// police's answers adopted, the disputed one decided by the coordinator.
func demoContributions(ctx context.Context, db *store.Store, fw *framework.Framework, coordinator assessment.Actor,
	a assessment.Assessment, users map[string]assessment.User) error {
	by := assessment.Actor{Name: "demo loader"}
	existing, err := db.Organisations(ctx, nil)
	if err != nil {
		return err
	}
	ids := map[string]int64{}
	for _, da := range demoAgencies {
		org, ok := assessment.Organisation{}, false
		for _, o := range existing {
			if o.Name == da.name {
				org, ok = o, true
			}
		}
		if !ok {
			if org, err = db.CreateOrganisation(ctx, by, assessment.Organisation{Name: da.name, Kind: da.kind, Country: "XD"}); err != nil {
				return err
			}
			if _, err := db.AddMembership(ctx, by, assessment.Membership{UserID: users[da.coordinator].ID, OrganisationID: org.ID, Role: assessment.RoleCoordinator}); err != nil {
				return err
			}
		}
		var caps []string
		for _, c := range fw.Capabilities() {
			if _, ok := da.phases[c.Key]; ok {
				caps = append(caps, c.Key)
			}
		}
		in := assessment.ContributionInput{OrganisationID: org.ID, Capabilities: caps,
			DueDate: time.Now().UTC().AddDate(0, 0, da.dueInDays).Format(time.DateOnly)}
		c, err := in.Validate(&a, time.Now())
		if err != nil {
			return err
		}
		if c, _, err = db.CreateContribution(ctx, coordinator, fw, c, assessment.ContributionAskedNotices); err != nil {
			return fmt.Errorf("invite %s: %w", da.name, err)
		}
		ids[da.name] = c.ID
		agent := assessment.Actor{UserID: users[da.coordinator].ID, Name: users[da.coordinator].Name}
		for _, key := range caps {
			if _, err := db.SaveContributionAnswers(ctx, agent, c.ID, demoAgencyAnswers(fw.Capability(key), da.phases[key], da.name)); err != nil {
				return fmt.Errorf("%s %s: %w", da.name, key, err)
			}
		}
		if da.submit {
			if _, err := db.SubmitContribution(ctx, agent, c.ID, assessment.ContributionSubmittedNotices); err != nil {
				return fmt.Errorf("submit %s: %w", da.name, err)
			}
		}
	}
	return demoConsolidate(ctx, db, fw, coordinator, a, ids[demoAgencies[0].name])
}

// demoAgencyAnswers answers a capability as an agency sees it: Yes up to
// its phase, Partly on the next, No above, with the agency's evidence. The
// prosecutors answer the first indicator of law enforcement's phase 4 No
// (court files show delays), the police Partly: one disagreement.
func demoAgencyAnswers(c *framework.Capability, phase int, agency string) []assessment.Answer {
	var out []assessment.Answer
	disputed := c.IndicatorsByPhase(4)
	for n, ind := range c.Indicators {
		an := assessment.Answer{IndicatorKey: ind.Key, CapabilityKey: c.Key}
		switch {
		case phase < 0:
			if n%2 == 1 {
				continue // half answered: still in progress
			}
			an.Value = assessment.Unknown
		case ind.Phase <= phase:
			an.Value, an.Evidence = assessment.Yes, fmt.Sprintf("%s records, reference %s-%02d (fictional).", agency, c.Key, n+1)
		case ind.Phase == phase+1 && phase > 0: // Partly on phase 1 would be Building
			an.Value = assessment.Partly
		default:
			an.Value = assessment.No
		}
		if c.Key == "law-enforcement" && agency == "Demoland Public Prosecution Service" && len(disputed) > 0 && ind == disputed[0] {
			an.Value, an.Note = assessment.No, "Court files show long delays between police referral and charge."
		}
		out = append(out, an)
	}
	return out
}

// demoConsolidate settles law enforcement: every indicator the police
// answered is adopted from them, except the disputed one, which the
// coordinator decides with a reason.
func demoConsolidate(ctx context.Context, db *store.Store, fw *framework.Framework, coordinator assessment.Actor, a assessment.Assessment, police int64) error {
	_, _, _, answers, err := db.AssessmentContent(ctx, a.ID)
	if err != nil {
		return err
	}
	version := map[string]int{}
	for _, an := range answers {
		version[an.IndicatorKey] = an.Version
	}
	c := fw.Capability("law-enforcement")
	disputed := c.IndicatorsByPhase(4)[0]
	for _, ind := range c.Indicators {
		if ind == disputed {
			_, err = db.DecideAnswer(ctx, coordinator, assessment.Answer{AssessmentID: a.ID, IndicatorKey: ind.Key, CapabilityKey: c.Key,
				Value: assessment.No, Evidence: "Police case system and court files, 2025 (fictional).", Version: version[ind.Key],
				Source: assessment.SourceCoordinator, SourceReason: "The police work is in place, but court files show long delays to charge; not yet in place end to end."})
		} else {
			_, err = db.AdoptAnswer(ctx, coordinator, a.ID, ind.Key, police, version[ind.Key])
		}
		if err != nil {
			return fmt.Errorf("consolidate %s: %w", ind.Key, err)
		}
	}
	return nil
}
