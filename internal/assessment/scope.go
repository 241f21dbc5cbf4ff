package assessment

import "github.com/mnr-self-assessment/mnr/internal/framework"

// ScopeOf turns the keys a user chose into an assessment's scope in
// framework order: capabilities first, then enablers. No keys means the
// whole framework, enablers included; a choice of capabilities alone
// leaves the enablers out, since whoever chose knows what they assess.
func ScopeOf(fw *framework.Framework, keys []string) ([]string, error) {
	chosen := map[string]bool{}
	for _, k := range keys {
		if fw.Assessable(k) == nil {
			return nil, FieldError("scope", "unknown capability %q", k)
		}
		chosen[k] = true
	}
	var scope []string
	for _, c := range fw.Capabilities() {
		if len(chosen) == 0 || chosen[c.Key] {
			scope = append(scope, c.Key)
		}
	}
	for _, e := range fw.Enablers() {
		if len(chosen) == 0 || chosen[e.Key] {
			scope = append(scope, e.Key)
		}
	}
	return scope, nil
}
