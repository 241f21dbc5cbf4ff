package main

import (
	"context"
	"fmt"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/auth"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// DemoPassword signs in every demo user. Demo data is for trying the app on
// a local machine, never for a shared installation.
const DemoPassword = "demoland-2026-sample"

// demoUser is one person of the demo and their role in the national body.
type demoUser struct {
	email, name string
	role        assessment.Role
	admin       bool
}

var demoUsers = []demoUser{
	{"admin@demoland.example", "Platform Administrator", "", true},
	{"owner@demoland.example", "Amina Haddad (owner)", assessment.RoleOwner, false},
	{"coordinator@demoland.example", "Luis Ortega (coordinator)", assessment.RoleCoordinator, false},
	{"contributor@demoland.example", "Claire Martin (contributor)", assessment.RoleContributor, false},
	{"reviewer@demoland.example", "Omar Said (reviewer)", assessment.RoleReviewer, false},
	{"viewer@demoland.example", "Grace Mensah (viewer)", assessment.RoleViewer, false},
	{"police@demoland.example", "Inspector Noor Rahman (police coordinator)", "", false},
	{"prosecutor@demoland.example", "Prosecutor Leila Mansour (prosecution coordinator)", "", false},
	{"helpline@demoland.example", "Daniel Osei (child helpline coordinator)", "", false},
	{"partner@demoland.example", "Sofia Lindqvist (partner NGO analyst)", "", false},
}

// demoPhases is the fictional Demoland's true phase per capability number in
// 2025 and 2026; answers are derived from it so the numbers are coherent.
var demoPhases2025 = []int{0, 2, 1, 2, 2, 1, 1, 1, 1, 2, 0, 2, 1, 2, 0, 0, 1, 1, 0, 1, 1, 2}
var demoPhases2026 = []int{0, 3, 2, 2, 3, 1, 1, 2, 2, 2, 1, 1, 2, 2, 1, 0, 2, 1, 1, 1, 1, 2} // the child helpline (11) slips

func (m *Main) demo(ctx context.Context, args []string) error {
	fs := m.flags("demo")
	dsn := dbFlag(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	db, err := m.open(ctx, *dsn)
	if err != nil {
		return err
	}
	if _, err := db.UserByEmail(ctx, demoUsers[0].email); err == nil {
		fmt.Fprintln(m.Stdout, "The demo data is already loaded.")
		m.printDemoSignIn()
		return nil
	}
	fw, err := framework.Default()
	if err != nil {
		return err
	}
	if err := loadDemo(ctx, db, fw); err != nil {
		return fmt.Errorf("load demo: %w", err)
	}
	fmt.Fprintln(m.Stdout, "Loaded the fictional country Demoland: a national assessment for 2025 (approved), one for 2026 (in progress) and a police agency assessment.")
	fmt.Fprintln(m.Stdout, "The 2026 cycle was started from 2025 with answers carried forward; Demoland shares its approved assessments with the NGO "+demoPartnerOrg+".")
	fmt.Fprintln(m.Stdout, "The 2025 action plan has 15 actions (two overdue, one blocked); its open actions continue in 2026, and the police and the helpline see theirs under \"my tasks\".")
	fmt.Fprintln(m.Stdout, "Three agencies contribute to 2026: the police and the prosecutors have submitted (and disagree on the judiciary), law enforcement is consolidated, the child helpline is still answering.")
	m.printDemoSignIn()
	return nil
}

func (m *Main) printDemoSignIn() {
	fmt.Fprintf(m.Stdout, "Sign in with any of these emails and the password %q:\n", DemoPassword)
	for _, u := range demoUsers {
		fmt.Fprintf(m.Stdout, "  %-32s %s\n", u.email, u.name)
	}
}

func loadDemo(ctx context.Context, db *store.Store, fw *framework.Framework) error {
	by := assessment.Actor{Name: "demo loader"}
	national, err := db.CreateOrganisation(ctx, by, assessment.Organisation{Name: "Demoland National Council for Child Protection", Kind: assessment.KindCoordinating, Country: "XD"})
	if err != nil {
		return err
	}
	police, err := db.CreateOrganisation(ctx, by, assessment.Organisation{Name: "Demoland Police Child Exploitation Unit", Kind: assessment.KindLawEnforcement, Country: "XD"})
	if err != nil {
		return err
	}
	hash, err := auth.HashPassword(DemoPassword)
	if err != nil {
		return err
	}
	users := map[string]assessment.User{}
	for _, du := range demoUsers {
		u, err := db.CreateUser(ctx, by, assessment.User{Email: du.email, Name: du.name, Lang: "en", PasswordHash: hash, Admin: du.admin})
		if err != nil {
			return err
		}
		users[du.email] = u
		if du.role != "" {
			if _, err := db.AddMembership(ctx, by, assessment.Membership{UserID: u.ID, OrganisationID: national.ID, Role: du.role}); err != nil {
				return err
			}
		}
	}
	if _, err := db.AddMembership(ctx, by, assessment.Membership{UserID: users["police@demoland.example"].ID, OrganisationID: police.ID, Role: assessment.RoleCoordinator}); err != nil {
		return err
	}
	coordinator := assessment.Actor{UserID: users["coordinator@demoland.example"].ID, Name: users["coordinator@demoland.example"].Name}

	// 2025 was assessed on framework 2026.1; the 2026 cycle moves to the
	// current version through the mapping, so the progress view compares
	// across versions.
	fw2025, err := framework.Get(demoVersion2025)
	if err != nil {
		return err
	}
	a2025, err := demoAssessment(ctx, db, fw2025, coordinator, national.ID, "National MNR self-assessment", "2025", nil, demoPhases2025, true)
	if err != nil {
		return err
	}
	if err := demoEvidence(ctx, db, fw2025, coordinator, a2025.ID, demoDocuments2025); err != nil {
		return err
	}
	helpline, err := db.CreateOrganisation(ctx, by, assessment.Organisation{Name: "Demoland Child Helpline", Kind: assessment.KindHelpline, Country: "XD"})
	if err != nil {
		return err
	}
	if _, err := db.AddMembership(ctx, by, assessment.Membership{UserID: users["helpline@demoland.example"].ID, OrganisationID: helpline.ID, Role: assessment.RoleCoordinator}); err != nil {
		return err
	}
	actions, err := demoPlan(ctx, db, fw, coordinator, a2025, police, helpline)
	if err != nil {
		return err
	}
	reviewer := assessment.Actor{UserID: users["reviewer@demoland.example"].ID, Name: users["reviewer@demoland.example"].Name}
	if err := demoReview(ctx, db, coordinator, reviewer, a2025); err != nil {
		return err
	}
	policeActor := assessment.Actor{UserID: users["police@demoland.example"].ID, Name: users["police@demoland.example"].Name}
	helplineActor := assessment.Actor{UserID: users["helpline@demoland.example"].ID, Name: users["helpline@demoland.example"].Name}
	if err := demoPlanUpdates(ctx, db, coordinator, policeActor, helplineActor, actions); err != nil {
		return err
	}
	a2026, err := demoNextCycle(ctx, db, fw, coordinator, reviewer, a2025, demoPhases2025, demoPhases2026, []string{"education", "child-participation"})
	if err != nil {
		return err
	}
	if err := demoPlan2026(ctx, db, policeActor, a2026); err != nil {
		return err
	}
	for _, key := range []string{"education", "child-participation"} {
		if err := db.SetAssignment(ctx, coordinator, a2026.ID, key, users["contributor@demoland.example"].ID, true, assessment.AssignedNotices); err != nil {
			return err
		}
	}
	_, err = demoAssessment(ctx, db, fw, policeActor, police.ID, "Police capability self-assessment", "2026",
		[]string{"law-enforcement", "offender-management", "image-databases"}, demoPhases2026, true)
	if err != nil {
		return err
	}
	if err := demoContributions(ctx, db, fw, coordinator, a2026, users); err != nil {
		return err
	}
	return demoPartner(ctx, db, by, users["owner@demoland.example"], users["partner@demoland.example"], national.ID)
}

// demoAssessment creates an assessment and answers it from the phase table:
// indicators at or below the phase are Yes, the next phase Partly (No when
// the phase is 0, since Partly on phase 1 reaches Building), higher No.
// An incomplete assessment leaves its last third of capabilities unanswered.
func demoAssessment(ctx context.Context, db *store.Store, fw *framework.Framework, by assessment.Actor, orgID int64,
	title, period string, scope []string, phases []int, complete bool) (assessment.Assessment, error) {
	in := assessment.AssessmentInput{OrganisationID: orgID, Title: title, Period: period, Scope: scope}
	a, err := in.Validate(fw)
	if err != nil {
		return a, err
	}
	a, err = db.CreateAssessment(ctx, by, fw, a)
	if err != nil {
		return a, err
	}
	for i, c := range fw.Capabilities() {
		if !a.InScope(c.Key) || (!complete && i >= 14) {
			continue
		}
		phase := phases[c.Number]
		var answers []assessment.Answer
		for n, ind := range c.Indicators {
			v, ev := assessment.No, ""
			switch {
			case ind.Phase <= phase:
				v, ev = assessment.Yes, fmt.Sprintf("Demo evidence: reference DL-%s-%02d (fictional document).", period, c.Number*10+n+1)
			case ind.Phase == phase+1 && phase > 0: // Partly on phase 1 would be Building
				v = assessment.Partly
			case !complete && n%5 == 4:
				v = assessment.Unknown
			}
			answers = append(answers, assessment.Answer{AssessmentID: a.ID, IndicatorKey: ind.Key, CapabilityKey: c.Key, Value: v, Evidence: ev})
		}
		target := phase + 1
		if target > framework.MaxPhase {
			target = framework.MaxPhase
		}
		st := &assessment.CapabilityState{AssessmentID: a.ID, CapabilityKey: c.Key, Confirmed: &phase, Target: &target,
			Priority: demoPriority(c.Number), Lead: demoLead(c.Key)}
		if _, _, err := db.SaveCapabilityForm(ctx, by, answers, st); err != nil {
			return a, fmt.Errorf("%s: %w", c.Key, err)
		}
	}
	return a, nil
}

func demoPriority(n int) assessment.Priority {
	return []assessment.Priority{assessment.PriorityHigh, assessment.PriorityMedium, assessment.PriorityLow}[n%3]
}
