package view

import (
	"fmt"
	"html/template"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// Role names and what each role may do are messages of the account area
// (internal/i18n/locales/account.*.json): AcctRole_<role> names the role,
// AcctRoleHelp_<role> says in one line what it may do, beside role choices.

// RoleName is the role as shown to people, in tr's language.
func RoleName(tr *i18n.Translator, r assessment.Role) string {
	return TranslatedOr(tr, "AcctRole_"+string(r), string(r))
}

// RoleHelp says in one line what the role may do, in tr's language.
func RoleHelp(tr *i18n.Translator, r assessment.Role) string {
	return TranslatedOr(tr, "AcctRoleHelp_"+string(r), "")
}

// LanguageName is a language's own name for itself ("Français"), the way
// language choices are shown in every interface language.
func LanguageName(code string) string {
	for _, l := range i18n.Languages {
		if l.Code == code {
			return l.Name
		}
	}
	return code
}

// TranslateHTML translates a message that contains markup of its own (a
// <strong>, a <span dir="ltr"> isolating an address inside right-to-left
// text). The message files are trusted; every argument value is escaped
// before it is put in, so user data never becomes markup.
func TranslateHTML(tr *i18n.Translator, id string, args ...any) template.HTML {
	safe := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case string:
			safe[i] = template.HTMLEscapeString(v)
		case template.HTML:
			safe[i] = string(v)
		case int, int64, float64:
			safe[i] = v // numbers stay numbers, for plural forms
		default:
			safe[i] = template.HTMLEscapeString(fmt.Sprint(v))
		}
	}
	return template.HTML(tr.T(id, safe...)) // trusted message, escaped arguments
}

// accountFuncs are the template functions of the account, members and
// activity pages, in one language; the policy ones let pages show only the
// links a user may follow, decided by the same functions as the handlers.
func accountFuncs(tr *i18n.Translator) template.FuncMap {
	return template.FuncMap{
		"roles":           func() []assessment.Role { return assessment.Roles },
		"roleName":        func(r assessment.Role) string { return RoleName(tr, r) },
		"roleHelp":        func(r assessment.Role) string { return RoleHelp(tr, r) },
		"languageName":    LanguageName,
		"canViewMembers":  policy.CanViewMembers,
		"canViewActivity": policy.CanViewActivity,
		"actionLabel":     func(a string) string { return ActionLabel(tr, a) },
		// thtml is t for messages that carry their own markup.
		"thtml": func(id string, args ...any) template.HTML { return TranslateHTML(tr, id, args...) },
		"dict":  dict,
		"isoTime": func(t interface{ Format(string) string }) string {
			return t.Format("2006-01-02T15:04:05Z07:00")
		},
	}
}

// dict makes a map of key, value pairs, for passing several values to a
// template.
func dict(kv ...any) (map[string]any, error) {
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
}
