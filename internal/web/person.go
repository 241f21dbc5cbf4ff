package web

import (
	"html/template"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
)

// personName shows a name stored on a row (an answer's author, a comment's,
// an audit event's actor) in the reader's language: an erased person's
// pseudonym is stored in English ("Former user 17") and shown translated.
func personName(tr *i18n.Translator, name string) string {
	if id, ok := assessment.FormerUserID(name); ok {
		return tr.T("OpsFormerUser", "ID", id)
	}
	return name
}

// opsFuncs are the template functions of operations features.
func (s *Server) opsFuncs(tr *i18n.Translator) template.FuncMap {
	return template.FuncMap{"person": func(name string) string { return personName(tr, name) }}
}
