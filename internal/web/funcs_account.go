package web

import (
	"fmt"
	"html/template"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// roleHelp says in one line what each role may do, beside role choices.
var roleHelp = map[assessment.Role]string{
	assessment.RoleOwner:       "manages members and invitations, and everything a coordinator does",
	assessment.RoleCoordinator: "starts assessments, assigns capabilities, answers everything, reads the activity",
	assessment.RoleContributor: "answers the capabilities assigned to them",
	assessment.RoleReviewer:    "reads, comments, approves or returns",
	assessment.RoleViewer:      "reads assessments and reports",
}

// accountFuncs are the template functions of the account, members and
// activity pages; the policy ones let pages show only the links a user may
// follow, decided by the same functions as the handlers.
func (s *Server) accountFuncs() template.FuncMap {
	return template.FuncMap{
		"roles":           func() []assessment.Role { return assessment.Roles },
		"roleHelp":        func(r assessment.Role) string { return roleHelp[r] },
		"canViewMembers":  policy.CanViewMembers,
		"canViewActivity": policy.CanViewActivity,
		"actionLabel":     actionLabel,
		"dict": func(kv ...any) (map[string]any, error) {
			if len(kv)%2 != 0 {
				return nil, fmt.Errorf("dict: odd number of arguments")
			}
			m := make(map[string]any, len(kv)/2)
			for i := 0; i < len(kv); i += 2 {
				k, ok := kv[i].(string)
				if !ok {
					return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
				}
				m[k] = kv[i+1]
			}
			return m, nil
		},
		"isoTime": func(t interface{ Format(string) string }) string { return t.Format("2006-01-02T15:04:05Z07:00") },
	}
}
