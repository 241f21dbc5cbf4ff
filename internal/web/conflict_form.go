package web

import (
	"net/url"
	"strings"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
	"github.com/mnr-self-assessment/mnr/internal/view"
)

// phasesConflict names the phase block in the "conflict."/"theirs" form
// fields, where an indicator is named by its key.
const phasesConflict = "phases"

// conflictView is what a page shows after a stale save, beside the
// indicator or the phase block: the fields changed on both sides with the
// stored value and yours, and the buttons "Keep mine" (save again: the
// version and base are now the stored ones) and "Use theirs".
type conflictView struct {
	Key     string // indicator key, or phasesConflict
	Names   string // the conflicting fields, space-separated, sent back as conflict.<key>
	Message string // who changed it and when, in the page's language
	Fields  []conflictField
}

type conflictField struct{ Label, Stored, Mine string }

// fieldLabels are the message ids of the fields' labels on the page.
var fieldLabels = map[string]string{
	assessment.FieldAnswer: "CapAnswer", assessment.FieldEvidence: "CapEvidence", assessment.FieldLinks: "CapLinks",
	assessment.FieldNote: "CapNote", assessment.FieldConfirmed: "CapConfirmed", assessment.FieldJustification: "CapJustification",
	assessment.FieldTarget: "CapTarget", assessment.FieldPriority: "CapPriority", assessment.FieldLead: "CapLead",
}

// resolve prepares inputs refused as stale for the choice: fields the
// person did not change show the stored value, the fields they changed keep
// theirs, and version and base become the stored ones. Without a base
// (an old form) every field keeps what was typed.
func resolve(names []string, mine, base, stored assessment.Fields, fields []string, set func(name, v string)) (assessment.Fields, []string) {
	if len(fields) == 0 {
		for _, n := range names {
			if mine[n] != stored[n] {
				fields = append(fields, n)
			}
		}
	}
	for _, n := range names {
		if b, ok := base[n]; ok && mine[n] == b {
			set(n, stored[n])
		}
	}
	return stored, fields
}

// showConflict prepares an indicator's inputs after a stale save.
func (f *answerForm) showConflict(tr *i18n.Translator, cur assessment.Answer, fields []string, message string) {
	mine := f.fields()
	var conflict []string
	f.Base, conflict = resolve(assessment.AnswerFields, mine, f.Base, cur.Fields(), fields, func(n, v string) {
		switch n {
		case assessment.FieldAnswer:
			f.Value = assessment.AnswerValue(v)
		case assessment.FieldEvidence:
			f.Evidence = v
		case assessment.FieldLinks:
			f.Links = v
		case assessment.FieldNote:
			f.Note = v
		}
	})
	f.Version = cur.Version
	show := func(n, v string) string {
		if n == assessment.FieldAnswer {
			return view.AnswerLabel(tr, assessment.AnswerValue(v))
		}
		return v
	}
	f.Conflict = newConflictView(tr, cur.IndicatorKey, conflict, f.Base, mine, show, message)
}

// showConflict prepares the phase block after a stale save.
func (j *judgementForm) showConflict(tr *i18n.Translator, fw *framework.Framework, cur assessment.CapabilityState, fields []string, message string) {
	mine := j.fields()
	var conflict []string
	j.Base, conflict = resolve(assessment.JudgementFields, mine, j.Base, cur.Fields(), fields, func(n, v string) {
		*j.field(n) = v
	})
	j.Version = cur.Version
	show := func(n, v string) string {
		switch {
		case n == assessment.FieldPriority && v != "":
			return view.PriorityLabel(tr, v)
		case (n == assessment.FieldConfirmed || n == assessment.FieldTarget) && v != "":
			p := phaseOfText(v)
			return v + " · " + fw.PhaseInfo(p).Name.In(tr.Lang.Code)
		case n == assessment.FieldConfirmed:
			return tr.T("CapUseSuggested")
		case n == assessment.FieldTarget || n == assessment.FieldPriority:
			return tr.T("CapNotSet")
		}
		return v
	}
	j.Conflict = newConflictView(tr, phasesConflict, conflict, j.Base, mine, show, message)
}

func newConflictView(tr *i18n.Translator, key string, fields []string, stored, mine assessment.Fields, show func(n, v string) string, message string) *conflictView {
	v := &conflictView{Key: key, Names: strings.Join(fields, " "), Message: message}
	for _, n := range fields {
		text := func(s string) string {
			if s = show(n, s); s == "" {
				return tr.T("AutosaveEmpty")
			}
			return s
		}
		v.Fields = append(v.Fields, conflictField{Label: tr.T(fieldLabels[n]), Stored: text(stored[n]), Mine: text(mine[n])})
	}
	return v
}

// takeTheirs applies a "Use theirs" button (theirs=<indicator key> or
// theirs=phases): the conflicting fields named in conflict.<key> take the
// stored values, which the page sent back as their base.
func takeTheirs(form url.Values) {
	for _, k := range form["theirs"] {
		for _, n := range strings.Fields(form.Get("conflict." + k)) {
			if _, ok := fieldLabels[n]; !ok {
				continue
			}
			name := n + "." + k
			if k == phasesConflict {
				name = n
			}
			if b, ok := form["base."+name]; ok {
				form[name] = b
			}
		}
	}
}

// baseFromForm reads the base.* fields that carry what the inputs started
// from; suffix is "."+indicator key, or "" for the phase block.
func baseFromForm(form url.Values, names []string, suffix string) map[string]string {
	var base map[string]string
	for _, n := range names {
		if v, ok := form["base."+n+suffix]; ok && len(v) > 0 {
			if base == nil {
				base = map[string]string{}
			}
			base[n] = v[0]
		}
	}
	return base
}
