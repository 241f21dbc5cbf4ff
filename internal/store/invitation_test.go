package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

func TestInvitationLifecycle(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			_, a := setup(t, s)
			owner, err := s.CreateUser(ctx, assessment.System, assessment.User{Email: "owner@example.org", Name: "Owner", PasswordHash: "x"})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.AddMembership(ctx, assessment.System, assessment.Membership{UserID: owner.ID, OrganisationID: a.OrganisationID, Role: assessment.RoleOwner}); err != nil {
				t.Fatal(err)
			}
			by := assessment.Actor{UserID: owner.ID, Name: owner.Name}
			if _, err := s.CreateInvitation(ctx, by, assessment.Invitation{OrganisationID: a.OrganisationID, Email: "OWNER@example.org", Role: assessment.RoleViewer, Hash: "h0", ExpiresAt: time.Now().Add(time.Hour)}); assessment.ErrorCode(err) != assessment.EINVALID {
				t.Errorf("inviting a member: %v", err)
			}
			inv, err := s.CreateInvitation(ctx, by, assessment.Invitation{OrganisationID: a.OrganisationID, Email: "New@Example.org", Role: assessment.RoleContributor, Hash: "h1", ExpiresAt: time.Now().Add(time.Hour)})
			if err != nil || inv.Email != "new@example.org" {
				t.Fatalf("create: %+v %v", inv, err)
			}
			if list, _ := s.Invitations(ctx, a.OrganisationID); len(list) != 1 {
				t.Errorf("pending: %d", len(list))
			}
			u, got, err := s.AcceptInvitation(ctx, assessment.Actor{IP: "192.0.2.1"}, "h1", &assessment.User{Name: "New", Lang: "fr", PasswordHash: "y"})
			if err != nil || u.Email != "new@example.org" || got.ID != inv.ID {
				t.Fatalf("accept: %+v %v", u, err)
			}
			ms, _ := s.Memberships(ctx, u.ID)
			if len(ms) != 1 || ms[0].Role != assessment.RoleContributor {
				t.Errorf("memberships: %+v", ms)
			}
			if _, _, err := s.AcceptInvitation(ctx, assessment.Actor{UserID: u.ID}, "h1", nil); assessment.ErrorCode(err) != assessment.ENOTFOUND {
				t.Errorf("second use: %v", err)
			}
			ev, _ := s.Audit(ctx, store.AuditFilter{OrganisationID: a.OrganisationID, ActionPrefix: "invitation."})
			if len(ev) != 2 || ev[0].Action != "invitation.accept" || ev[0].UserID == nil || *ev[0].UserID != u.ID || ev[0].IP != "192.0.2.1" {
				t.Errorf("audit: %+v", ev)
			}
			// Another account cannot spend an invitation made for someone else.
			if _, err := s.CreateInvitation(ctx, by, assessment.Invitation{OrganisationID: a.OrganisationID, Email: "third@example.org", Role: assessment.RoleViewer, Hash: "h2", ExpiresAt: time.Now().Add(time.Hour)}); err != nil {
				t.Fatal(err)
			}
			if _, _, err := s.AcceptInvitation(ctx, assessment.Actor{UserID: u.ID}, "h2", nil); assessment.ErrorCode(err) != assessment.EFORBIDDEN {
				t.Errorf("wrong account: %v", err)
			}
			if _, err := s.PendingInvitation(ctx, "h2"); err != nil {
				t.Errorf("a refused acceptance spent the link: %v", err)
			}
			if err := s.RevokeInvitation(ctx, by, a.OrganisationID+1000, mustPending(t, s, "h2").ID); assessment.ErrorCode(err) != assessment.ENOTFOUND {
				t.Errorf("revoke through another organisation: %v", err)
			}
			if err := s.RevokeInvitation(ctx, by, a.OrganisationID, mustPending(t, s, "h2").ID); err != nil {
				t.Fatal(err)
			}
			if _, err := s.PendingInvitation(ctx, "h2"); assessment.ErrorCode(err) != assessment.ENOTFOUND {
				t.Errorf("revoked link: %v", err)
			}
			if _, err := s.CreateInvitation(ctx, by, assessment.Invitation{OrganisationID: a.OrganisationID, Email: "late@example.org", Role: assessment.RoleViewer, Hash: "h3", ExpiresAt: time.Now().Add(-time.Second)}); err != nil {
				t.Fatal(err)
			}
			if _, err := s.PendingInvitation(ctx, "h3"); assessment.ErrorCode(err) != assessment.ENOTFOUND {
				t.Errorf("expired link: %v", err)
			}
			// The last owner keeps the role; with a second owner the first may go.
			if err := s.SetRole(ctx, by, a.OrganisationID, owner.ID, assessment.RoleViewer); assessment.ErrorCode(err) != assessment.ECONFLICT {
				t.Errorf("demoting the last owner: %v", err)
			}
			if err := s.RemoveMembership(ctx, by, a.OrganisationID, owner.ID); assessment.ErrorCode(err) != assessment.ECONFLICT {
				t.Errorf("removing the last owner: %v", err)
			}
			if err := s.SetRole(ctx, by, a.OrganisationID, u.ID, assessment.RoleOwner); err != nil {
				t.Fatal(err)
			}
			if err := s.RemoveMembership(ctx, by, a.OrganisationID, owner.ID); err != nil {
				t.Errorf("removing an owner with another left: %v", err)
			}
			acts, _ := s.AuditActions(ctx, a.OrganisationID)
			for _, want := range []string{"invitation.create", "invitation.accept", "invitation.revoke", "membership.set", "membership.role", "membership.remove"} {
				found := false
				for _, x := range acts {
					found = found || x == want
				}
				if !found {
					t.Errorf("AuditActions lacks %s: %v", want, acts)
				}
			}
		})
	}
}

func mustPending(t *testing.T, s *store.Store, hash string) assessment.Invitation {
	t.Helper()
	inv, err := s.PendingInvitation(context.Background(), hash)
	if err != nil {
		t.Fatal(err)
	}
	return inv
}

func TestPasswordResetLifecycle(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			u, err := s.CreateUser(ctx, assessment.System, assessment.User{Email: "u@example.org", Name: "U", PasswordHash: "old"})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.SaveSession(ctx, store.SessionRecord{ID: "sess", UserID: u.ID, CreatedAt: time.Now(), LastSeenAt: time.Now(), ExpiresAt: time.Now().Add(time.Hour)}); err != nil {
				t.Fatal(err)
			}
			for _, h := range []string{"r1", "r2"} {
				if _, err := s.CreatePasswordReset(ctx, assessment.System, assessment.PasswordReset{UserID: u.ID, Hash: h, ExpiresAt: time.Now().Add(time.Hour)}); err != nil {
					t.Fatal(err)
				}
			}
			if _, _, err := s.PendingPasswordReset(ctx, "r1"); assessment.ErrorCode(err) != assessment.ENOTFOUND {
				t.Errorf("older link still live: %v", err)
			}
			if _, got, err := s.PendingPasswordReset(ctx, "r2"); err != nil || got.ID != u.ID {
				t.Fatalf("pending: %v", err)
			}
			if _, _, err := s.ResetPassword(ctx, assessment.Actor{IP: "192.0.2.9"}, "r2", "new"); err != nil {
				t.Fatal(err)
			}
			got, _ := s.User(ctx, u.ID)
			if got.PasswordHash != "new" {
				t.Error("hash not set")
			}
			if _, ok, _ := s.Session(ctx, "sess"); ok {
				t.Error("the session survived the reset")
			}
			if _, _, err := s.ResetPassword(ctx, assessment.System, "r2", "again"); assessment.ErrorCode(err) != assessment.ENOTFOUND {
				t.Errorf("second use: %v", err)
			}
			ev, _ := s.Audit(ctx, store.AuditFilter{ActionPrefix: "password.reset"})
			if len(ev) != 3 || ev[0].Action != "password.reset" || ev[0].UserID == nil || *ev[0].UserID != u.ID {
				t.Errorf("audit: %+v", ev)
			}
		})
	}
}
