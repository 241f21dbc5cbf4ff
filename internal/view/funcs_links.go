package view

import (
	"fmt"
	"html/template"
	"reflect"

	"github.com/mnr-self-assessment/mnr/internal/links"
)

// linkFuncs give templates the paths of internal/links, so a page's links
// and the server's redirects are written in one place. Ids may be any
// integer type a page carries.
func linkFuncs() template.FuncMap {
	one := func(f func(int64) string) func(any) (string, error) {
		return func(id any) (string, error) {
			n, err := toID(id)
			return f(n), err
		}
	}
	keyed := func(f func(int64, string) string) func(any, string) (string, error) {
		return func(id any, key string) (string, error) {
			n, err := toID(id)
			return f(n, key), err
		}
	}
	return template.FuncMap{
		"assessmentPath":              one(links.Assessment),
		"capabilityPath":              keyed(links.Capability),
		"reviewPath":                  one(links.Review),
		"reportPath":                  one(links.Report),
		"planPath":                    one(links.Plan),
		"contributionsPath":           one(links.Contributions),
		"consolidationPath":           one(links.Consolidation),
		"consolidationCapabilityPath": keyed(links.ConsolidationCapability),
		"contributionPath":            one(links.Contribution),
		"contributionCapabilityPath":  keyed(links.ContributionCapability),
		"membersPath":                 one(links.Members),
		"sharingPath":                 one(links.Sharing),
		"progressPath":                one(links.Progress),
		"activityPath":                one(func(id int64) string { return links.Activity(id, nil) }),
		"actionPath":                  one(links.Action),
		"filePath":                    one(links.File),
		"commentPath":                 one(links.Comment),
		"invitationsPath":             one(links.Invitations),
		"userPasswordResetPath":       one(links.UserPasswordReset),
		"invitationPath":              links.Invitation,
		"passwordResetPath":           links.PasswordReset,
	}
}

// toID takes an id of any integer type.
func toID(v any) (int64, error) {
	r := reflect.ValueOf(v)
	switch r.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return r.Int(), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return int64(r.Uint()), nil
	}
	return 0, fmt.Errorf("not an id: %v (%T)", v, v)
}
