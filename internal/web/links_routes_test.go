package web_test

import (
	"net/url"
	"regexp"
	"strings"
	"testing"

	link "github.com/mnr-self-assessment/mnr/internal/links"
)

// TestLinksMatchRoutes checks that every path function of internal/links
// names a route the server registers, so links and routes cannot drift.
func TestLinksMatchRoutes(t *testing.T) {
	a := newApp(t)
	var patterns []*regexp.Regexp
	for _, r := range a.srv.Routes() {
		p := regexp.MustCompile(`:[a-z]+`).ReplaceAllString(regexp.QuoteMeta(r.Path), `[^/]+`)
		patterns = append(patterns, regexp.MustCompile("^"+p+"$"))
	}
	q := url.Values{"capability": {"leadership"}}
	for _, p := range []string{
		link.Home(), link.HomeAction(3),
		link.Assessment(7), link.Capability(7, "leadership"), link.Indicators(7) + "leadership-1",
		link.Review(7), link.Report(7), link.Plan(7), link.PlanAction(7, 2), link.PlanNew(7, nil), link.PlanNew(7, q),
		link.Contributions(7), link.Consolidation(7), link.ConsolidationCapability(7, "leadership"),
		link.Contribution(4), link.ContributionCapability(4, "leadership"), link.ContributionIndicators(4) + "leadership-1",
		link.Members(2), link.Sharing(2), link.Progress(2), link.Activity(2, nil), link.Activity(2, url.Values{"before": {"9"}}),
		link.APIFile(5), link.Invitation("abc"), link.PasswordReset("abc"),
		link.Action(3), link.Action(3) + "/edit", link.File(5), link.File(5) + "/remove", link.Comment(6) + "/resolve",
		link.Invitations(2), link.Invitations(2) + "/9/revoke", link.UserPasswordReset(8), link.Partner(),
	} {
		path, _, _ := strings.Cut(p, "#")
		path, _, _ = strings.Cut(path, "?")
		found := false
		for _, re := range patterns {
			found = found || re.MatchString(path)
		}
		if !found {
			t.Errorf("%s (from %s) matches no registered route", path, p)
		}
	}
}
