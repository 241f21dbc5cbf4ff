package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

func TestContributionLifecycle(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			by := assessment.Actor{Name: "tester"}
			fw, a := setup(t, s) // organisation "Org" in JO, scope leadership + hotline
			org := func(name, country string) assessment.Organisation {
				o, err := s.CreateOrganisation(ctx, by, assessment.Organisation{Name: name, Kind: assessment.KindLawEnforcement, Country: country})
				if err != nil {
					t.Fatal(err)
				}
				return o
			}
			police, abroad := org("Police", "JO"), org("Foreign police", "FR")
			user := func(email string, o assessment.Organisation, role assessment.Role) assessment.User {
				u, err := s.CreateUser(ctx, by, assessment.User{Email: email, Name: email, PasswordHash: "x"})
				if err != nil {
					t.Fatal(err)
				}
				if _, err := s.AddMembership(ctx, by, assessment.Membership{UserID: u.ID, OrganisationID: o.ID, Role: role}); err != nil {
					t.Fatal(err)
				}
				return u
			}
			officer := user("officer@police.example", police, assessment.RoleContributor)
			user("viewer@police.example", police, assessment.RoleViewer)
			coordinator := user("coordinator@org.example", assessment.Organisation{ID: a.OrganisationID}, assessment.RoleCoordinator)

			due := assessment.Day(time.Now()).AddDate(0, 0, 2)
			invite := assessment.Contribution{AssessmentID: a.ID, OrganisationID: abroad.ID, Capabilities: []string{"leadership"}, DueDate: &due}
			if _, _, err := s.CreateContribution(ctx, by, fw, invite, assessment.ContributionAskedNotices); assessment.ErrorCode(err) != assessment.EINVALID {
				t.Fatalf("invite of another country's organisation: %v", err)
			}
			invite.OrganisationID = police.ID
			c, notes, err := s.CreateContribution(ctx, by, fw, invite, assessment.ContributionAskedNotices)
			if err != nil {
				t.Fatal(err)
			}
			if len(notes) != 1 || notes[0].UserID != officer.ID || notes[0].Kind != assessment.NotifyAssigned || !strings.Contains(notes[0].Message, "Police") {
				t.Errorf("assigned notifications = %+v (viewers do not answer)", notes)
			}
			if _, _, err := s.CreateContribution(ctx, by, fw, invite, assessment.ContributionAskedNotices); assessment.ErrorCode(err) != assessment.EINVALID {
				t.Errorf("second invitation of the same agency: %v", err)
			}
			got, err := s.Contribution(ctx, c.ID)
			if err != nil || got.Agency.Name != "Police" || got.DueDate == nil || !got.DueDate.Equal(due) || got.Status != assessment.ContributionInvited {
				t.Fatalf("contribution = %+v, %v", got, err)
			}
			open, err := s.AgencyContributions(ctx, []int64{police.ID})
			if err != nil || len(open) != 1 || open[0].Assessment.Title != "T" || open[0].Requester.Name != "Org" {
				t.Fatalf("open contributions = %+v, %v", open, err)
			}

			ind := fw.Capability("leadership").Indicators
			var answers []assessment.Answer
			for _, in := range ind {
				answers = append(answers, assessment.Answer{IndicatorKey: in.Key, Value: assessment.Yes, Evidence: "police files"})
			}
			if _, err := s.SaveContributionAnswers(ctx, by, c.ID, answers[:1]); err != nil {
				t.Fatal(err)
			}
			if _, err := s.SaveContributionAnswers(ctx, by, c.ID, answers[:1]); assessment.ErrorCode(err) != assessment.ECONFLICT {
				t.Fatalf("stale contribution answer: %v", err)
			}
			if _, err := s.SubmitContribution(ctx, by, c.ID, assessment.ContributionSubmittedNotices); assessment.ErrorCode(err) != assessment.ECONFLICT || !strings.Contains(err.Error(), "not answered") {
				t.Fatalf("incomplete submission: %v", err)
			}
			for i := range answers[1:] {
				answers[i+1].Value = assessment.No
			}
			if _, err := s.SaveContributionAnswers(ctx, by, c.ID, answers[1:]); err != nil {
				t.Fatal(err)
			}
			if got, _ := s.Contribution(ctx, c.ID); got.Status != assessment.ContributionInProgress {
				t.Errorf("status after answering = %s", got.Status)
			}
			if _, err := s.AdoptAnswer(ctx, by, a.ID, ind[0].Key, c.ID, 0); assessment.ErrorCode(err) != assessment.ECONFLICT {
				t.Errorf("adopting from an unsubmitted contribution: %v", err)
			}
			notes, err = s.SubmitContribution(ctx, by, c.ID, assessment.ContributionSubmittedNotices)
			if err != nil || len(notes) != 1 || notes[0].UserID != coordinator.ID || notes[0].Kind != assessment.NotifySubmitted {
				t.Fatalf("submit: %+v, %v", notes, err)
			}
			answers[0].Version = 1
			if _, err := s.SaveContributionAnswers(ctx, by, c.ID, answers[:1]); assessment.ErrorCode(err) != assessment.ECONFLICT || !strings.Contains(err.Error(), "submitted") {
				t.Fatalf("write to a submitted contribution: %v", err)
			}
			waiting, err := s.AwaitingConsolidation(ctx, []int64{a.OrganisationID})
			if err != nil || len(waiting) != 1 || waiting[0].Contribution.ID != c.ID {
				t.Fatalf("awaiting consolidation = %+v, %v", waiting, err)
			}

			adopted, err := s.AdoptAnswer(ctx, by, a.ID, ind[0].Key, c.ID, 0)
			if err != nil || adopted.Value != assessment.Yes || adopted.Evidence != "police files" || adopted.Source != assessment.SourceContribution || *adopted.SourceContributionID != c.ID {
				t.Fatalf("adopt: %+v, %v", adopted, err)
			}
			if _, err := s.AdoptAnswer(ctx, by, a.ID, ind[0].Key, c.ID, 0); assessment.ErrorCode(err) != assessment.ECONFLICT {
				t.Errorf("stale adoption: %v", err)
			}
			if _, err := s.AdoptAnswer(ctx, by, a.ID+1000, ind[0].Key, c.ID, 0); assessment.ErrorCode(err) != assessment.ENOTFOUND {
				t.Errorf("adoption into another assessment: %v", err)
			}
			for _, in := range ind[1:] {
				_, err := s.DecideAnswer(ctx, by, assessment.Answer{AssessmentID: a.ID, IndicatorKey: in.Key, Value: assessment.Partly, Source: assessment.SourceCoordinator, SourceReason: "court statistics"})
				if err != nil {
					t.Fatal(err)
				}
			}
			if waiting, _ := s.AwaitingConsolidation(ctx, []int64{a.OrganisationID}); len(waiting) != 0 {
				t.Errorf("still awaiting consolidation after every indicator was decided: %d", len(waiting))
			}
			// Typing an answer clears the provenance.
			typed, err := s.SaveAnswer(ctx, by, assessment.Answer{AssessmentID: a.ID, IndicatorKey: ind[0].Key, Value: assessment.No, Version: 1})
			if err != nil || typed.Source != assessment.SourceTyped || typed.SourceContributionID != nil {
				t.Fatalf("typed over adopted: %+v, %v", typed, err)
			}

			events, _ := s.Audit(ctx, store.AuditFilter{AssessmentID: a.ID})
			actions := map[string]int{}
			for _, e := range events {
				actions[e.Action]++
			}
			want := map[string]int{"contribution.invite": 1, "contribution.answer": len(ind), "contribution.submit": 1,
				"answer.adopt": 1, "answer.decide": len(ind) - 1, "answer.save": 1}
			for k, n := range want {
				if actions[k] != n {
					t.Errorf("audit %s = %d, want %d (all: %v)", k, actions[k], n, actions)
				}
			}
		})
	}
}

func TestAssignmentNotifiesAndMailOutbox(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			_, a := setup(t, s)
			u, err := s.CreateUser(ctx, assessment.System, assessment.User{Email: "c@org.example", Name: "C", PasswordHash: "x"})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.SetAssignment(ctx, assessment.System, a.ID, "hotline", u.ID, true, assessment.AssignedNotices); assessment.ErrorCode(err) != assessment.EINVALID {
				t.Fatalf("assigning someone who is not a member: %v", err)
			}
			if _, err := s.AddMembership(ctx, assessment.System, assessment.Membership{UserID: u.ID, OrganisationID: a.OrganisationID, Role: assessment.RoleContributor}); err != nil {
				t.Fatal(err)
			}
			for range 2 { // assigning again is no news
				if err := s.SetAssignment(ctx, assessment.System, a.ID, "hotline", u.ID, true, assessment.AssignedNotices); err != nil {
					t.Fatal(err)
				}
			}
			ns, _ := s.Notifications(ctx, u.ID, 10)
			if len(ns) != 1 || ns[0].Kind != assessment.NotifyAssigned || ns[0].Link != "/assessments/1/capabilities/hotline" {
				t.Fatalf("notifications = %+v", ns)
			}
			pending, err := s.PendingMail(ctx, time.Now().Add(-time.Hour), 10)
			if err != nil || len(pending) != 1 || pending[0].Email != "c@org.example" {
				t.Fatalf("pending mail = %+v, %v", pending, err)
			}
			if ok, err := s.ClaimMail(ctx, pending[0].ID); !ok || err != nil {
				t.Fatalf("claim: %v %v", ok, err)
			}
			if ok, _ := s.ClaimMail(ctx, pending[0].ID); ok {
				t.Error("a notification was claimed twice")
			}
			if pending, _ := s.PendingMail(ctx, time.Now().Add(-time.Hour), 10); len(pending) != 0 {
				t.Errorf("still pending after the claim: %d", len(pending))
			}
		})
	}
}
