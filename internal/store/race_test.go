package store_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// Race tests: many trials of the same change started at the same instant,
// on SQLite and PostgreSQL (READ COMMITTED, where a check before a write
// does not hold). Each asserts the invariant in the database afterwards and
// that every loser got a domain error (409 or 422), never an internal one.

const trials = 25

// race runs fn n times at once and returns each call's error.
func race(n int, fn func(i int) error) []error {
	errs := make([]error, n)
	var ready, done sync.WaitGroup
	start := make(chan struct{})
	for i := 0; i < n; i++ {
		ready.Add(1)
		done.Add(1)
		go func(i int) {
			defer done.Done()
			ready.Done()
			<-start
			errs[i] = fn(i)
		}(i)
	}
	ready.Wait()
	close(start)
	done.Wait()
	return errs
}

// outcome counts successes and checks every failure has one of the codes.
func outcome(t *testing.T, errs []error, codes ...string) (ok int) {
	t.Helper()
	for _, err := range errs {
		if err == nil {
			ok++
			continue
		}
		good := false
		for _, c := range codes {
			good = good || assessment.ErrorCode(err) == c
		}
		if !good {
			t.Errorf("loser got %q (%v), want one of %v", assessment.ErrorCode(err), err, codes)
		}
	}
	return ok
}

func newOrg(t *testing.T, s *store.Store, name string) assessment.Organisation {
	t.Helper()
	o, err := s.CreateOrganisation(context.Background(), assessment.System, assessment.Organisation{Name: name, Kind: assessment.KindNGO, Country: "JO"})
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func newMember(t *testing.T, s *store.Store, o assessment.Organisation, email string, role assessment.Role) assessment.User {
	t.Helper()
	ctx := context.Background()
	u, err := s.CreateUser(ctx, assessment.System, assessment.User{Email: email, Name: email, PasswordHash: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddMembership(ctx, assessment.System, assessment.Membership{UserID: u.ID, OrganisationID: o.ID, Role: role}); err != nil {
		t.Fatal(err)
	}
	return u
}

func owners(t *testing.T, s *store.Store, orgID int64) int {
	t.Helper()
	ms, err := s.Members(context.Background(), orgID)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, m := range ms {
		if m.Role == assessment.RoleOwner {
			n++
		}
	}
	return n
}

// Two owners demote (or remove) each other at once: one wins, the other is
// told the organisation needs an owner, and an owner always remains.
func TestRaceOwnersDemoteEachOther(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			for i := 0; i < trials; i++ {
				o := newOrg(t, s, fmt.Sprintf("Org %d", i))
				a := newMember(t, s, o, fmt.Sprintf("a%d@example.org", i), assessment.RoleOwner)
				b := newMember(t, s, o, fmt.Sprintf("b%d@example.org", i), assessment.RoleOwner)
				errs := race(2, func(k int) error {
					if k == 0 {
						return s.SetRole(ctx, assessment.Actor{UserID: b.ID, Name: "b"}, o.ID, a.ID, assessment.RoleViewer)
					}
					if i%2 == 0 {
						return s.SetRole(ctx, assessment.Actor{UserID: a.ID, Name: "a"}, o.ID, b.ID, assessment.RoleViewer)
					}
					return s.RemoveMembership(ctx, assessment.Actor{UserID: a.ID, Name: "a"}, o.ID, b.ID)
				})
				if ok := outcome(t, errs, assessment.ECONFLICT); ok != 1 {
					t.Errorf("trial %d: %d of 2 demotions succeeded: %v", i, ok, errs)
				}
				if n := owners(t, s, o.ID); n != 1 {
					t.Fatalf("trial %d: %d owners left", i, n)
				}
			}
		})
	}
}

// approved makes a fresh approved assessment to start next cycles from.
func approved(t *testing.T, s *store.Store) (assessment.Assessment, func() error) {
	t.Helper()
	fw, a := setup(t, s)
	if err := s.SetStatus(context.Background(), assessment.System, a.ID, assessment.StatusApproved); err != nil {
		t.Fatal(err)
	}
	next := assessment.AssessmentInput{OrganisationID: a.OrganisationID, Title: "Next", Period: "2027", Scope: a.Scope}
	n, err := next.Validate(fw)
	if err != nil {
		t.Fatal(err)
	}
	return a, func() error {
		_, err := s.StartNextCycle(context.Background(), assessment.System, fw, a.ID, n)
		return err
	}
}

func TestRaceNextCycleStartsOnce(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			for i := 0; i < trials; i++ {
				from, start := approved(t, s)
				errs := race(3, func(int) error { return start() })
				if ok := outcome(t, errs, assessment.ECONFLICT); ok != 1 {
					t.Errorf("trial %d: %d next cycles reported started", i, ok)
				}
				all, err := s.Assessments(context.Background(), []int64{from.OrganisationID})
				if err != nil {
					t.Fatal(err)
				}
				next := 0
				for _, a := range all {
					if a.PreviousID != nil && *a.PreviousID == from.ID {
						next++
					}
				}
				if next != 1 {
					t.Fatalf("trial %d: %d next cycles in the database", i, next)
				}
			}
		})
	}
}

func TestRaceDuplicateShares(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			for i := 0; i < trials; i++ {
				o, p := newOrg(t, s, fmt.Sprintf("Owner org %d", i)), newOrg(t, s, fmt.Sprintf("Partner %d", i))
				errs := race(3, func(int) error {
					_, err := s.CreateShare(ctx, assessment.System, o.ID, assessment.ShareInput{PartnerID: p.ID}, assessment.ShareNotices)
					return err
				})
				if ok := outcome(t, errs, assessment.ECONFLICT); ok != 1 {
					t.Errorf("trial %d: %d identical shares reported made", i, ok)
				}
				list, err := s.Shares(ctx, o.ID)
				if err != nil {
					t.Fatal(err)
				}
				if len(list) != 1 || !list[0].Active() {
					t.Fatalf("trial %d: %d shares stored, want one active", i, len(list))
				}
			}
		})
	}
}

func TestRaceDuplicateContributionInvitations(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			for i := 0; i < trials; i++ {
				fw, a := setup(t, s) // "Org" in JO
				agency := newOrg(t, s, fmt.Sprintf("Agency %d", i))
				errs := race(3, func(int) error {
					_, _, err := s.CreateContribution(ctx, assessment.System, fw, assessment.Contribution{AssessmentID: a.ID, OrganisationID: agency.ID, Capabilities: []string{"hotline"}}, assessment.ContributionAskedNotices)
					return err
				})
				// The same answer as asking twice in a row: 422 on organisation_id.
				if ok := outcome(t, errs, assessment.EINVALID); ok != 1 {
					t.Errorf("trial %d: %d identical contributions reported made", i, ok)
				}
				for _, err := range errs {
					if de, isDomain := assessment.AsError(err); isDomain && de.Field != "organisation_id" {
						t.Errorf("trial %d: refusal names %q, want organisation_id", i, de.Field)
					}
				}
				list, err := s.Contributions(ctx, a.ID)
				if err != nil {
					t.Fatal(err)
				}
				if len(list) != 1 {
					t.Fatalf("trial %d: %d contributions stored", i, len(list))
				}
			}
		})
	}
}

// Member invitations to one email at once: the newest replaces the others,
// so exactly one stays open whatever the interleaving.
func TestRaceDuplicateMemberInvitations(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			for i := 0; i < trials; i++ {
				o := newOrg(t, s, fmt.Sprintf("Org %d", i))
				errs := race(3, func(k int) error {
					_, err := s.CreateInvitation(ctx, assessment.System, assessment.Invitation{OrganisationID: o.ID, Email: "new@example.org",
						Role: assessment.RoleViewer, Hash: fmt.Sprintf("h-%d-%d-%s", i, k, name), ExpiresAt: time.Now().Add(time.Hour)})
					return err
				})
				outcome(t, errs, assessment.ECONFLICT)
				open, err := s.Invitations(ctx, o.ID)
				if err != nil {
					t.Fatal(err)
				}
				if len(open) != 1 {
					t.Fatalf("trial %d: %d open invitations to one email", i, len(open))
				}
			}
		})
	}
}

// One invitation accepted twice at once creates one account and one
// membership; the other acceptance finds the link spent.
func TestRaceInvitationAcceptedOnce(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			for i := 0; i < trials; i++ {
				o := newOrg(t, s, fmt.Sprintf("Org %d", i))
				email, hash := fmt.Sprintf("joiner%d@example.org", i), fmt.Sprintf("accept-%d-%s", i, name)
				if _, err := s.CreateInvitation(ctx, assessment.System, assessment.Invitation{OrganisationID: o.ID, Email: email,
					Role: assessment.RoleViewer, Hash: hash, ExpiresAt: time.Now().Add(time.Hour)}); err != nil {
					t.Fatal(err)
				}
				errs := race(2, func(int) error {
					_, _, err := s.AcceptInvitation(ctx, assessment.Actor{}, hash, &assessment.User{Name: "Joiner", PasswordHash: "x"})
					return err
				})
				if ok := outcome(t, errs, assessment.ENOTFOUND, assessment.EINVALID); ok != 1 {
					t.Errorf("trial %d: %d acceptances succeeded", i, ok)
				}
				ms, err := s.Members(ctx, o.ID)
				if err != nil {
					t.Fatal(err)
				}
				if len(ms) != 1 {
					t.Fatalf("trial %d: %d memberships", i, len(ms))
				}
			}
		})
	}
}

// Reset links asked for at once: exactly one works afterwards.
func TestRacePasswordResetLinks(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			for i := 0; i < trials; i++ {
				u, err := s.CreateUser(ctx, assessment.System, assessment.User{Email: fmt.Sprintf("r%d@example.org", i), Name: "R", PasswordHash: "x"})
				if err != nil {
					t.Fatal(err)
				}
				hash := func(k int) string { return fmt.Sprintf("reset-%d-%d-%s", i, k, name) }
				errs := race(3, func(k int) error {
					_, err := s.CreatePasswordReset(ctx, assessment.System, assessment.PasswordReset{UserID: u.ID, Hash: hash(k), ExpiresAt: time.Now().Add(time.Hour)})
					return err
				})
				outcome(t, errs, assessment.ECONFLICT)
				working := 0
				for k := 0; k < 3; k++ {
					if _, _, err := s.PendingPasswordReset(ctx, hash(k)); err == nil {
						working++
					}
				}
				if working != 1 {
					t.Fatalf("trial %d: %d reset links work", i, working)
				}
			}
		})
	}
}

// Comments raced against the approval that locks the assessment: each
// either lands before the approval or is refused, never after it.
func TestRaceApprovalAgainstComments(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			for i := 0; i < trials; i++ {
				_, a := setup(t, s)
				if _, err := s.Transition(ctx, assessment.System, a.ID, assessment.ActionSubmit, "", assessment.TransitionNotices); err != nil {
					t.Fatal(err)
				}
				errs := race(4, func(k int) error {
					if k == 0 {
						_, err := s.Transition(ctx, assessment.System, a.ID, assessment.ActionApprove, "", assessment.TransitionNotices)
						return err
					}
					_, err := s.AddComment(ctx, assessment.System, assessment.Comment{AssessmentID: a.ID, Body: fmt.Sprintf("comment %d", k)})
					return err
				})
				if errs[0] != nil {
					t.Fatalf("trial %d: approval: %v", i, errs[0])
				}
				outcome(t, errs[1:], assessment.ECONFLICT)
				events, err := s.Audit(ctx, store.AuditFilter{AssessmentID: a.ID, Limit: 100})
				if err != nil {
					t.Fatal(err)
				}
				var approvedAt int64
				for _, e := range events {
					if e.Action == "assessment.status" && strings.Contains(e.After, `"approved"`) {
						approvedAt = e.ID
					}
				}
				for _, e := range events {
					if e.Action == "comment.add" && e.ID > approvedAt {
						t.Fatalf("trial %d: a comment was added after the approval", i)
					}
				}
			}
		})
	}
}
