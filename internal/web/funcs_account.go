package web

import (
	"fmt"
	"html/template"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// Role names and what each role may do are messages of the account area
// (internal/i18n/locales/account.*.json): AcctRole_<role> names the role,
// AcctRoleHelp_<role> says in one line what it may do, beside role choices.

// roleName is the role as shown to people, in tr's language.
func roleName(tr *i18n.Translator, r assessment.Role) string {
	return translatedOr(tr, "AcctRole_"+string(r), string(r))
}

// roleHelp says in one line what the role may do, in tr's language.
func roleHelp(tr *i18n.Translator, r assessment.Role) string {
	return translatedOr(tr, "AcctRoleHelp_"+string(r), "")
}

// languageName is a language's own name for itself ("Français"), the way
// language choices are shown in every interface language.
func languageName(code string) string {
	for _, l := range i18n.Languages {
		if l.Code == code {
			return l.Name
		}
	}
	return code
}

// translatedOr translates id, or returns fallback when no message has that
// id (the translator shows a missing id as the id itself).
func translatedOr(tr *i18n.Translator, id, fallback string) string {
	if s := tr.T(id); s != id {
		return s
	}
	return fallback
}

// translateHTML translates a message that contains markup of its own (a
// <strong>, a <span dir="ltr"> isolating an address inside right-to-left
// text). The message files are trusted; every argument value is escaped
// before it is put in, so user data never becomes markup.
func translateHTML(tr *i18n.Translator, id string, args ...any) template.HTML {
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
func (s *Server) accountFuncs(tr *i18n.Translator) template.FuncMap {
	return template.FuncMap{
		"roles":           func() []assessment.Role { return assessment.Roles },
		"roleName":        func(r assessment.Role) string { return roleName(tr, r) },
		"roleHelp":        func(r assessment.Role) string { return roleHelp(tr, r) },
		"languageName":    languageName,
		"canViewMembers":  policy.CanViewMembers,
		"canViewActivity": policy.CanViewActivity,
		"actionLabel":     func(a string) string { return actionLabel(tr, a) },
		// thtml is t for messages that carry their own markup.
		"thtml": func(id string, args ...any) template.HTML { return translateHTML(tr, id, args...) },
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

// translatorFor speaks the language a user chose, for what is shown to them
// once they are signed in (a flash on the next page) or mailed to them;
// without a known choice, the language of this request.
func (s *Server) translatorFor(c echo.Context, lang string) *i18n.Translator {
	if i18n.Supported(lang) {
		return s.i18n.For(lang)
	}
	return s.translator(c)
}
