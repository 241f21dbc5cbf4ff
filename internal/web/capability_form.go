package web

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// capabilityFormOf reads a whole capability form: every indicator whose
// fieldset was sent (version.<key> present) and the phase block when
// cap_version is present. It also returns what each indicator's inputs
// showed, to put back on the page after an error.
func capabilityFormOf(form url.Values) (app.CapabilityForm, map[string]*answerForm) {
	f := app.CapabilityForm{Answers: map[string]assessment.AnswerInput{}, SkipUnchanged: true}
	submitted := map[string]*answerForm{}
	for name := range form {
		key, ok := strings.CutPrefix(name, "version.")
		if !ok {
			continue
		}
		submitted[key], f.Answers[key] = answerFromForm(form, key)
	}
	if _, present := form["cap_version"]; present {
		in, _, err := judgementFromForm(form)
		f.Judgement, f.JudgementErr = &in, err
	}
	return f, submitted
}

// answerFromForm reads one indicator's inputs (answer.<key>, evidence.<key>,
// links.<key>, note.<key>, version.<key>) and what they started from
// (base.answer.<key>, …).
func answerFromForm(form url.Values, key string) (*answerForm, assessment.AnswerInput) {
	version, _ := strconv.Atoi(form.Get("version." + key))
	in := assessment.AnswerInput{Value: form.Get("answer." + key), Evidence: form.Get("evidence." + key),
		Links: assessment.SplitLinks(form.Get("links." + key)), Note: form.Get("note." + key), Version: version,
		Base: baseFromForm(form, assessment.AnswerFields, "."+key)}
	f := &answerForm{Value: assessment.AnswerValue(in.Value), Evidence: in.Evidence, Links: form.Get("links." + key), Note: in.Note, Version: version,
		Base: assessment.NormalizeFields(assessment.AnswerFields, in.Base)}
	return f, in
}

// judgementFromForm reads the phase block (confirmed_phase, justification,
// target_phase, priority, lead, cap_version, base.<field>).
func judgementFromForm(form url.Values) (assessment.CapabilityInput, judgementForm, error) {
	base := baseFromForm(form, assessment.JudgementFields, "")
	f := judgementForm{Confirmed: form.Get("confirmed_phase"), Justification: form.Get("justification"),
		Target: form.Get("target_phase"), Priority: form.Get("priority"), Lead: form.Get("lead"),
		Base: assessment.NormalizeFields(assessment.JudgementFields, base)}
	f.Version, _ = strconv.Atoi(form.Get("cap_version"))
	in := assessment.CapabilityInput{Justification: f.Justification, Priority: f.Priority, Lead: f.Lead, Version: f.Version, Base: base}
	var err error
	if in.Confirmed, err = optionalPhase("confirmed_phase", f.Confirmed); err != nil {
		return in, f, err
	}
	if in.Target, err = optionalPhase("target_phase", f.Target); err != nil {
		return in, f, err
	}
	return in, f, nil
}

func optionalPhase(field, s string) (*int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return nil, assessment.FieldError(field, "must be a phase from 0 to 4")
	}
	return &n, nil
}

func phaseString(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

func phaseOfText(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func joinLines(l []string) string { return strings.Join(l, "\n") }
