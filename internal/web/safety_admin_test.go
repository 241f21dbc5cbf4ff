package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// A platform administrator invites an organisation's first owner, and
// nobody else: never himself, never another role, never once it has an
// owner; changing roles and removing members is the owners' decision.
func TestAdministratorsDoNotJoinOrganisations(t *testing.T) {
	f := newFixture(t)
	admin := f.session(f.admin)
	fresh := f.app.org("Ministry of Newland", "JO")
	invite := func(org assessment.Organisation, email, role string) int {
		admin.get(fmt.Sprintf("/organisations/%d/members", org.ID))
		res, _ := admin.post(fmt.Sprintf("/organisations/%d/invitations", org.ID), url.Values{"email": {email}, "role": {role}})
		return res.StatusCode
	}
	for _, c := range []struct {
		org         assessment.Organisation
		email, role string
		want        int
	}{
		{fresh, f.admin.Email, "owner", http.StatusForbidden},
		{fresh, strings.ToUpper(f.admin.Email), "owner", http.StatusForbidden},
		{fresh, "minister@example.org", "viewer", http.StatusForbidden},
		{fresh, "minister@example.org", "owner", http.StatusOK},
		{f.org, "second@example.org", "owner", http.StatusForbidden}, // it has an owner
	} {
		if got := invite(c.org, c.email, c.role); got != c.want {
			t.Errorf("admin invites %s as %s to %s: %d, want %d", c.email, c.role, c.org.Name, got, c.want)
		}
	}
	open, err := f.db.Invitations(t.Context(), fresh.ID)
	if err != nil || len(open) != 1 || open[0].Email != "minister@example.org" {
		t.Fatalf("open invitations: %v %+v", err, open)
	}
	members := fmt.Sprintf("/organisations/%d/members", f.org.ID)
	_, doc := admin.get(members)
	if doc.Find(`form[action$="/role"], form[action$="/remove"]`).Length() != 0 {
		t.Error("the members page offers an administrator role changes or removals")
	}
	res, _ := admin.post(fmt.Sprintf("/organisations/%d/members/%d/role", f.org.ID, f.viewer.ID), url.Values{"role": {"owner"}})
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("admin changes a role: %d", res.StatusCode)
	}
	if ms, _ := f.db.Memberships(t.Context(), f.admin.ID); len(ms) != 0 {
		t.Errorf("the administrator became a member: %+v", ms)
	}
}
