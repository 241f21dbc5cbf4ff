package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// TestWriteNotices: a write stores what its rule decides, in its
// transaction: an organisation's members with the roles named, never whoever
// acted, and named users; a nil rule notifies no one.
func TestWriteNotices(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			fw, _ := framework.Get("2026.1")
			org, _ := s.CreateOrganisation(ctx, assessment.System, assessment.Organisation{Name: "Council", Kind: assessment.KindCoordinating, Country: "XD"})
			users := map[assessment.Role]assessment.User{}
			for _, r := range []assessment.Role{assessment.RoleOwner, assessment.RoleCoordinator, assessment.RoleReviewer} {
				u, err := s.CreateUser(ctx, assessment.System, assessment.User{Email: fmt.Sprintf("%s@example.org", r), Name: string(r), PasswordHash: "x"})
				if err != nil {
					t.Fatal(err)
				}
				if _, err := s.AddMembership(ctx, assessment.System, assessment.Membership{UserID: u.ID, OrganisationID: org.ID, Role: r}); err != nil {
					t.Fatal(err)
				}
				users[r] = u
			}
			in := assessment.AssessmentInput{OrganisationID: org.ID, Title: "T", Period: "2026", Scope: []string{"leadership"}}
			a, _ := in.Validate(fw)
			a, err := s.CreateAssessment(ctx, assessment.System, fw, a)
			if err != nil {
				t.Fatal(err)
			}
			owner := assessment.Actor{UserID: users[assessment.RoleOwner].ID, Name: "owner"}
			if _, err := s.Transition(ctx, owner, a.ID, assessment.ActionSubmit, "", nil); err != nil {
				t.Fatal(err)
			}
			count := func(u assessment.User) int {
				ns, err := s.Notifications(ctx, u.ID, 50)
				if err != nil {
					t.Fatal(err)
				}
				return len(ns)
			}
			for _, u := range users {
				if n := count(u); n != 0 {
					t.Errorf("a nil rule notified %s (%d)", u.Name, n)
				}
			}
			rule := func(by assessment.Actor, got assessment.Assessment, action assessment.Action) []assessment.Notice {
				if got.ID != a.ID || got.Status != assessment.StatusDraft || action != assessment.ActionReturn {
					t.Errorf("rule called with %+v, %s", got, action)
				}
				return []assessment.Notice{
					{Kind: "k", Message: "to owners and coordinators", OrganisationID: org.ID, Roles: []assessment.Role{assessment.RoleOwner, assessment.RoleCoordinator}, Except: by.UserID},
					{Kind: "k", Message: "to the reviewer", UserID: users[assessment.RoleReviewer].ID},
				}
			}
			if _, err := s.Transition(ctx, owner, a.ID, assessment.ActionReturn, "", rule); err != nil {
				t.Fatal(err)
			}
			want := map[assessment.Role]int{assessment.RoleOwner: 0, assessment.RoleCoordinator: 1, assessment.RoleReviewer: 1}
			for r, n := range want {
				if got := count(users[r]); got != n {
					t.Errorf("%s has %d notifications, want %d", r, got, n)
				}
			}
		})
	}
}
