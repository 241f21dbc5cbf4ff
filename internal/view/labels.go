package view

import (
	"fmt"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
)

// Labels of fixed values are messages: AnswerLabel, StatusLabel, KindLabel
// and PriorityLabel give them in a translator's language (ids Answer_*,
// Status_* in report.*.json; Kind_*, Priority_* in core.*.json).

// AnswerLabel names an answer value ("Unanswered" for none).
func AnswerLabel(tr *i18n.Translator, v assessment.AnswerValue) string {
	if v == assessment.Unanswered {
		return tr.T("AnswerUnanswered")
	}
	return tr.T("Answer_" + string(v))
}

// StatusLabel names an assessment's status.
func StatusLabel(tr *i18n.Translator, st assessment.Status) string {
	return tr.T("Status_" + string(st))
}

// KindLabel names an organisation's kind.
func KindLabel(tr *i18n.Translator, k assessment.OrgKind) string { return tr.T("Kind_" + string(k)) }

// PriorityLabel takes a Priority or the plain string the report carries;
// an unset priority is empty.
func PriorityLabel(tr *i18n.Translator, p any) string {
	s := fmt.Sprint(p)
	if s == "" {
		return ""
	}
	return tr.T("Priority_" + s)
}

// TranslatedOr translates id, or returns fallback when no message has that
// id (the translator shows a missing id as the id itself).
func TranslatedOr(tr *i18n.Translator, id, fallback string) string {
	if s := tr.T(id); s != id {
		return s
	}
	return fallback
}

// ContributionStatusLabel is a contribution's status (ContribStatus_<status>).
func ContributionStatusLabel(tr *i18n.Translator, st assessment.ContributionStatus) string {
	return TranslatedOr(tr, "ContribStatus_"+string(st), string(st))
}

// PersonName shows a name stored on a row (an answer's author, a comment's,
// an audit event's actor) in the reader's language: an erased person's
// pseudonym is stored in English ("Former user 17") and shown translated.
func PersonName(tr *i18n.Translator, name string) string {
	if id, ok := assessment.FormerUserID(name); ok {
		return tr.T("OpsFormerUser", "ID", id)
	}
	return name
}

// ActionLabel names an audit event's action (ActivityAction_<action>).
func ActionLabel(tr *i18n.Translator, a string) string {
	return TranslatedOr(tr, "ActivityAction_"+a, a)
}
