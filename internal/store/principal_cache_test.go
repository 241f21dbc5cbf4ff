package store_test

import (
	"context"
	"sync/atomic"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// TestPrincipalCacheSeesEveryChange: a cached principal is served in one
// statement (none on SQLite) while nothing changed, and every change to what it is made of
// (role, membership, assignment, share, approval, password, erasure,
// organisation deletion) is seen at once, also by a second instance.
func TestPrincipalCacheSeesEveryChange(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			_, a := setup(t, s)
			other := secondInstance(t, s)
			u, _ := s.CreateUser(ctx, assessment.System, assessment.User{Email: "c@example.org", Name: "C", Lang: "en", PasswordHash: "x"})
			partner, _ := s.CreateOrganisation(ctx, assessment.System, assessment.Organisation{Name: "Partner", Kind: assessment.KindNGO, Country: "CH"})
			check := func(step string, want func(store.PrincipalContent) bool) {
				t.Helper()
				for i, db := range []*store.Store{s, other} {
					p, err := db.Principal(ctx, u.ID)
					if err != nil || !want(p) {
						t.Fatalf("%s (instance %d): %v %+v", step, i+1, err, p)
					}
				}
			}
			must := func(err error) {
				t.Helper()
				if err != nil {
					t.Fatal(err)
				}
			}
			role := func(p store.PrincipalContent) assessment.Role {
				for _, m := range p.Memberships {
					if m.OrganisationID == a.OrganisationID {
						return m.Role
					}
				}
				return ""
			}
			check("no membership", func(p store.PrincipalContent) bool { return len(p.Memberships) == 0 })
			var n atomic.Int64
			must(s.CountStatements(&n))
			check("cached", func(p store.PrincipalContent) bool { return len(p.Memberships) == 0 })
			// PostgreSQL reads the generation counter; SQLite asks its data
			// version instead, which is not a statement (version_cache.go).
			if got, want := n.Load(), map[string]int64{"sqlite": 0, "postgres": 1}[s.Dialect()]; got != want {
				t.Errorf("a cached principal took %d statements, want %d", got, want)
			}
			_, err := s.AddMembership(ctx, assessment.System, assessment.Membership{UserID: u.ID, OrganisationID: a.OrganisationID, Role: assessment.RoleContributor})
			must(err)
			check("member", func(p store.PrincipalContent) bool { return role(p) == assessment.RoleContributor })
			must(other.SetRole(ctx, assessment.System, a.OrganisationID, u.ID, assessment.RoleViewer))
			check("role changed on the other instance", func(p store.PrincipalContent) bool { return role(p) == assessment.RoleViewer })
			must(s.SetRole(ctx, assessment.System, a.OrganisationID, u.ID, assessment.RoleContributor))
			must(s.SetAssignment(ctx, assessment.System, a.ID, "hotline", u.ID, true, assessment.AssignedNotices))
			check("assigned", func(p store.PrincipalContent) bool { return len(p.Assigned[a.ID]) == 1 })
			must(s.SetAssignment(ctx, assessment.System, a.ID, "hotline", u.ID, false, assessment.AssignedNotices))
			check("unassigned", func(p store.PrincipalContent) bool { return len(p.Assigned[a.ID]) == 0 })
			_, err = s.AddMembership(ctx, assessment.System, assessment.Membership{UserID: u.ID, OrganisationID: partner.ID, Role: assessment.RoleViewer})
			must(err)
			sh, err := s.CreateShare(ctx, assessment.System, a.OrganisationID, assessment.ShareInput{PartnerID: partner.ID}, assessment.ShareNotices)
			must(err)
			check("shared, nothing approved", func(p store.PrincipalContent) bool { return len(p.SharedWith) == 0 })
			must(s.SetStatus(ctx, assessment.System, a.ID, assessment.StatusApproved))
			check("approved and shared", func(p store.PrincipalContent) bool { return p.SharedWith[a.ID] })
			_, err = s.RevokeShare(ctx, assessment.System, a.OrganisationID, sh.ID)
			must(err)
			check("share revoked", func(p store.PrincipalContent) bool { return !p.SharedWith[a.ID] })
			_, err = s.SetPassword(ctx, assessment.System, u.ID, "new-hash", true)
			must(err)
			check("password changed", func(p store.PrincipalContent) bool { return p.User.PasswordHash == "new-hash" })
			must(s.RemoveMembership(ctx, assessment.System, partner.ID, u.ID))
			check("membership removed", func(p store.PrincipalContent) bool { return len(p.Memberships) == 1 })
			org, err := s.Organisation(ctx, a.OrganisationID)
			must(err)
			_, err = s.DeleteOrganisation(ctx, assessment.System, org.ID, org.Name, "")
			must(err)
			check("organisation deleted", func(p store.PrincipalContent) bool { return len(p.Memberships) == 0 && len(p.Assigned) == 0 })
			_, err = s.EraseUser(ctx, assessment.System, u.ID)
			must(err)
			check("erased", func(p store.PrincipalContent) bool { return p.User.Email != "c@example.org" })
		})
	}
}

// secondInstance opens the same database again, as a second app instance.
func secondInstance(t *testing.T, s *store.Store) *store.Store {
	t.Helper()
	o, err := store.Open(s.DSNForTest())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { o.Close() })
	return o
}
