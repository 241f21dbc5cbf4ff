package main

import (
	"context"
	"fmt"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// demoAction is one action of Demoland's 2025 plan. owner is "police",
// "helpline" (organisations on the platform) or the name of a body that is
// not; start and due are days from the day the demo is loaded, so the
// plan looks alive whenever it is tried; then is the status reached after
// approval, with its note.
type demoAction struct {
	capability, title, owner string
	start, due               int
	budget                   int64 // whole units; 0: no budget
	currency                 string
	funding                  assessment.Funding
	then                     assessment.ActionStatus
	note                     string
}

// demoActions: fifteen actions across the five domains; some done, some in
// progress, two overdue (planned or in progress past their due day), one
// blocked, one dropped, funded in US dollars and euros or not at all.
var demoActions = []demoAction{
	{"leadership", "Give the national committee a statutory mandate and a secretariat", "Ministry of Justice", -300, 60, 180000, "USD", assessment.FundingDomestic, assessment.ActionInProgress, "Draft decree with the Council of Ministers."},
	{"research-analysis", "Publish a first national baseline study on CSEA", "Demoland University Institute of Criminology", -250, -40, 95000, "EUR", assessment.FundingDonor, assessment.ActionInProgress, "Field work finished; the report is late."},
	{"legislation", "Criminalise online grooming and live-streamed abuse explicitly", "Ministry of Justice", -320, -60, 0, "", assessment.FundingUnfunded, assessment.ActionDone, "Article 214-3 of the penal code in force."},
	{"law-enforcement", "Set up a specialised online CSEA investigation team", "police", -280, 120, 420000, "USD", assessment.FundingMixed, assessment.ActionInProgress, "Six of ten investigators trained."},
	{"law-enforcement", "Connect the police to the international image database", "police", -200, -15, 60000, "EUR", assessment.FundingDonor, assessment.ActionPlanned, "Waiting for the data protection assessment."},
	{"judiciary-prosecutors", "Train specialised prosecutors and judges in child-friendly procedure", "Demoland Public Prosecution Service", -150, 240, 75000, "EUR", assessment.FundingDonor, assessment.ActionPlanned, ""},
	{"offender-management", "Adopt a risk assessment tool for convicted offenders", "Ministry of Interior", -100, 300, 40000, "USD", assessment.FundingDomestic, assessment.ActionBlocked, "Blocked until the prison service law is amended."},
	{"image-databases", "Build a national image hash list", "police", -330, -90, 150000, "USD", assessment.FundingMixed, assessment.ActionDone, "Hash list operational; shared with the hotline."},
	{"end-to-end-support", "Open a second child advocacy centre in the north", "Ministry of Social Affairs", -120, 420, 650000, "USD", assessment.FundingMixed, assessment.ActionPlanned, ""},
	{"child-protection-workforce", "Certify social workers in trauma-informed interviewing", "Ministry of Social Affairs", -210, 90, 55000, "EUR", assessment.FundingDonor, assessment.ActionInProgress, "Two cohorts of 25 certified."},
	{"child-helpline", "Extend the child helpline to 24 hours with chat", "helpline", -260, 150, 120000, "USD", assessment.FundingDonor, assessment.ActionInProgress, "Night shift staffed since March; chat in testing."},
	{"child-helpline", "Train helpline counsellors to refer CSEA cases to the police", "helpline", -300, -30, 18000, "EUR", assessment.FundingDomestic, assessment.ActionDone, "All counsellors trained; referral protocol signed."},
	{"hotline", "Join the international hotline network", "Demoland Internet Hotline", -180, 200, 30000, "EUR", assessment.FundingDonor, assessment.ActionPlanned, ""},
	{"education", "Include online safety in the national school curriculum", "Ministry of Education", -240, 360, 0, "", assessment.FundingUnfunded, assessment.ActionInProgress, "Curriculum draft under consultation."},
	{"takedown", "Sign notice-and-takedown agreements with hosting companies", "Telecommunications Regulatory Authority", -160, 100, 0, "", assessment.FundingUnfunded, assessment.ActionDropped, "Replaced by the regulator's statutory takedown power."},
}

// demoPlan writes Demoland's 2025 action plan before approval; the police
// and the helpline own some of it. It returns the actions in order.
func demoPlan(ctx context.Context, db *store.Store, fw *framework.Framework, by assessment.Actor, a assessment.Assessment,
	police, helpline assessment.Organisation) ([]assessment.PlanAction, error) {
	today := time.Now().UTC().Truncate(24 * time.Hour)
	org, err := db.Organisation(ctx, a.OrganisationID)
	if err != nil {
		return nil, err
	}
	sc := assessment.ActionScope{Assessment: &a, Framework: fw, Country: org.Country}
	var out []assessment.PlanAction
	for _, da := range demoActions {
		in := assessment.ActionInput{Capability: da.capability, Title: da.title, OwnerName: da.owner,
			StartDate: today.AddDate(0, 0, da.start).Format(time.DateOnly), DueDate: today.AddDate(0, 0, da.due).Format(time.DateOnly),
			Currency: da.currency, Funding: string(da.funding), Status: string(assessment.ActionPlanned)}
		var owner *assessment.Organisation
		switch da.owner {
		case "police":
			owner = &police
		case "helpline":
			owner = &helpline
		}
		if owner != nil {
			in.OwnerOrganisationID, in.OwnerName = &owner.ID, ""
			in.Contact = map[string]string{"police": "Inspector Noor Rahman", "helpline": "Daniel Osei"}[da.owner]
		}
		if c := fw.Capability(da.capability); c != nil && len(c.Indicators) > 0 {
			in.Indicators = []string{c.Indicators[len(c.Indicators)/2].Key}
		}
		if da.budget > 0 {
			in.BudgetAmount = fmt.Sprint(da.budget)
		}
		act, err := in.Validate(sc, owner)
		if err != nil {
			return nil, fmt.Errorf("demo action %q: %w", da.title, err)
		}
		if act, err = db.CreateAction(ctx, by, act); err != nil {
			return nil, fmt.Errorf("demo action %q: %w", da.title, err)
		}
		out = append(out, act)
	}
	return out, nil
}

// demoPlanUpdates moves the approved plan on: each action's owner (the
// police and the helpline for theirs, the coordinator for the others)
// records the status reached, which notifies the coordinators.
func demoPlanUpdates(ctx context.Context, db *store.Store, coordinator, police, helpline assessment.Actor, actions []assessment.PlanAction) error {
	for i, da := range demoActions {
		if da.then == assessment.ActionPlanned && da.note == "" {
			continue
		}
		by := coordinator
		switch da.owner {
		case "police":
			by = police
		case "helpline":
			by = helpline
		}
		next, err := assessment.StatusInput{Status: string(da.then), StatusNote: da.note, Version: actions[i].Version}.Apply(actions[i])
		if err != nil {
			return err
		}
		if actions[i], err = db.UpdateAction(ctx, by, next, assessment.ActionStatusNotices); err != nil {
			return fmt.Errorf("demo status of %q: %w", da.title, err)
		}
	}
	return nil
}

// demoPlan2026 continues a carried action in the 2026 cycle, so its
// history runs across both cycles.
func demoPlan2026(ctx context.Context, db *store.Store, police assessment.Actor, a2026 assessment.Assessment) error {
	acts, err := db.Actions(ctx, a2026.ID)
	if err != nil {
		return err
	}
	for _, a := range acts {
		if a.CapabilityKey == "law-enforcement" && a.Status == assessment.ActionInProgress {
			next, err := assessment.StatusInput{Status: string(assessment.ActionInProgress),
				StatusNote: "Eight of ten investigators trained; the team works on its first cases.", Version: a.Version}.Apply(a)
			if err != nil {
				return err
			}
			_, err = db.UpdateAction(ctx, police, next, assessment.ActionStatusNotices)
			return err
		}
	}
	return nil
}
