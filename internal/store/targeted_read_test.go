package store_test

import (
	"context"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// TestTargetedReads checks the reads the questionnaire and the principal
// use, on both backends: one capability's answers, many assessments at
// once, and a user's memberships, assignments and shares in one call.
func TestTargetedReads(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			fw, a := setup(t, s)
			states, answers, err := s.CapabilityAnswers(ctx, a.ID, "hotline")
			if err != nil || len(states) != 1 || states[0].CapabilityKey != "hotline" || len(answers) != len(fw.Capability("hotline").Indicators) {
				t.Fatalf("capability answers: %v %+v %d", err, states, len(answers))
			}
			for _, an := range answers {
				if an.CapabilityKey != "hotline" {
					t.Errorf("answer of another capability: %+v", an)
				}
			}
			contents, err := s.AssessmentContents(ctx, []int64{a.ID, 99999})
			if err != nil || len(contents) != 1 || len(contents[0].States) != 2 || contents[0].Organisation.Name != "Org" || len(contents[0].Assessment.Scope) != 2 {
				t.Fatalf("contents: %v %+v", err, contents)
			}

			u, err := s.CreateUser(ctx, assessment.System, assessment.User{Email: "p@example.org", Name: "P", Lang: "en", PasswordHash: "x"})
			if err != nil {
				t.Fatal(err)
			}
			partner, err := s.CreateOrganisation(ctx, assessment.System, assessment.Organisation{Name: "Partner", Kind: assessment.KindNGO, Country: "CH"})
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range []assessment.Membership{{UserID: u.ID, OrganisationID: a.OrganisationID, Role: assessment.RoleContributor},
				{UserID: u.ID, OrganisationID: partner.ID, Role: assessment.RoleViewer}} {
				if _, err := s.AddMembership(ctx, assessment.System, m); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.SetAssignment(ctx, assessment.System, a.ID, "hotline", u.ID, true, assessment.AssignedNotices); err != nil {
				t.Fatal(err)
			}
			p, err := s.Principal(ctx, u.ID)
			if err != nil || p.User.Email != "p@example.org" || len(p.Memberships) != 2 || len(p.Assigned[a.ID]) != 1 || p.Assigned[a.ID][0] != "hotline" || len(p.SharedWith) != 0 {
				t.Fatalf("principal before sharing: %v %+v", err, p)
			}
			if err := s.SetStatus(ctx, assessment.System, a.ID, assessment.StatusApproved); err != nil {
				t.Fatal(err)
			}
			if _, err := s.CreateShare(ctx, assessment.System, a.OrganisationID, assessment.ShareInput{PartnerID: partner.ID}, assessment.ShareNotices); err != nil {
				t.Fatal(err)
			}
			if p, err = s.Principal(ctx, u.ID); err != nil || !p.SharedWith[a.ID] || len(p.SharedWith) != 1 {
				t.Fatalf("principal after sharing all approved: %v %+v", err, p.SharedWith)
			}
			if _, err := s.Principal(ctx, 99999); assessment.ErrorCode(err) != assessment.ENOTFOUND {
				t.Fatalf("unknown user: %v", err)
			}
		})
	}
}
