package view

import (
	"fmt"
	"html/template"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
)

// IndicatorText is what the questionnaire pages show of one indicator that
// is the same for every reader and request in one language: its number,
// texts, the ids of its inputs and its answer choices. Building it once per
// framework version, language and indicator spares the templates some
// thirty function calls per indicator, which were most of a capability
// page's time.
type IndicatorText struct {
	Indicator *framework.Indicator
	Key       string
	Number    string
	Text      string // the indicator's text in the language
	PhaseTag  string
	Hint      string // what evidence to give
	AnswerTo  string // the answer group's label
	Choices   []AnswerChoice
	// The ids of the evidence, links and note inputs and of the note's error.
	EvidenceID, LinksID, NoteID, NoteErrorID string
	// The evidence files' headings.
	FilesHeading, FilesAdd string
	// Upload is the upload controls without an error, rendered once.
	Upload template.HTML

	choices map[assessment.AnswerValue]template.HTML // the radio buttons by checked value
	frag    *template.Template
}

// ChoicesFor is the radio buttons with v checked, rendered once per value.
func (it *IndicatorText) ChoicesFor(v assessment.AnswerValue) (template.HTML, error) {
	if h, ok := it.choices[v]; ok {
		return h, nil
	}
	return fragment(it.frag, "answer-choices", answerChoices{it.Key, it.Choices, v})
}

// answerChoices is what the "answer-choices" partial receives.
type answerChoices struct {
	Key     string
	Choices []AnswerChoice
	Value   assessment.AnswerValue
}

// EvidenceUpload is what the "evidence-upload" partial receives.
type EvidenceUpload struct {
	*IndicatorText
	Error any
}

// fragment executes the named partial of the fragment set into a string.
func fragment(t *template.Template, name string, data any) (template.HTML, error) {
	var b strings.Builder
	if err := t.ExecuteTemplate(&b, name, data); err != nil {
		return "", fmt.Errorf("render %s: %w", name, err)
	}
	return template.HTML(b.String()), nil // #nosec G203 -- html/template's own output
}

// AnswerChoice is one radio button of an indicator.
type AnswerChoice struct {
	ID    string
	Value assessment.AnswerValue
	Label string
}

// AnswerFields is what the "answer-fields" partial receives.
type AnswerFields struct {
	*IndicatorText
	Form any
}

// EvidenceFiles is what the "evidence-files" partial receives.
type EvidenceFiles struct {
	*IndicatorText
	View any
}

// indicatorTexts caches IndicatorTexts by indicator (of one framework
// version) and language; the framework versions are embedded and loaded
// once, so it is bounded, and maxIndicatorTexts guards against anything
// else.
type indicatorTexts struct {
	m sync.Map
	n atomic.Int64
}

type indicatorKey struct {
	ind  *framework.Indicator
	lang string
}

const maxIndicatorTexts = 20000

func (c *indicatorTexts) get(tr *i18n.Translator, frag *template.Template, ind *framework.Indicator) (*IndicatorText, error) {
	key := indicatorKey{ind, tr.Lang.Code}
	if x, ok := c.m.Load(key); ok {
		return x.(*IndicatorText), nil
	}
	it, err := newIndicatorText(tr, frag, ind)
	if err != nil {
		return nil, err
	}
	if c.n.Add(1) <= maxIndicatorTexts {
		c.m.Store(key, it)
	}
	return it, nil
}

func newIndicatorText(tr *i18n.Translator, frag *template.Template, ind *framework.Indicator) (*IndicatorText, error) {
	lang, k := tr.Lang.Code, ind.Key
	n := assessment.IndicatorNumber(ind)
	id := func(parts ...string) string { return strings.Join(parts, "-") }
	it := &IndicatorText{Indicator: ind, Key: k, Number: n, Text: ind.Text.In(lang),
		PhaseTag:   tr.T("CapPhaseTag", "N", ind.Phase),
		Hint:       tr.T("CapEvidenceHint", "Text", ind.Evidence.In(lang)),
		AnswerTo:   tr.T("AutosaveAnswerTo", "Number", n),
		EvidenceID: id("evidence", k), LinksID: id("links", k), NoteID: id("note", k), NoteErrorID: id("note-error", k),
		FilesHeading: tr.T("EvidenceHeading", "Number", n), FilesAdd: tr.T("EvidenceAdd", "Number", n),
		choices: map[assessment.AnswerValue]template.HTML{}, frag: frag}
	for _, v := range assessment.AnswerValues {
		it.Choices = append(it.Choices, AnswerChoice{ID: id("answer", k, string(v)), Value: v, Label: AnswerLabel(tr, v)})
	}
	var err error
	for _, v := range append([]assessment.AnswerValue{assessment.Unanswered}, assessment.AnswerValues...) {
		if it.choices[v], err = fragment(frag, "answer-choices", answerChoices{k, it.Choices, v}); err != nil {
			return nil, err
		}
	}
	if it.Upload, err = fragment(frag, "evidence-upload", EvidenceUpload{it, nil}); err != nil {
		return nil, err
	}
	return it, nil
}

// indicatorFuncs build the indicator partials' data in one call each.
func (v *View) indicatorFuncs(tr *i18n.Translator) map[string]any {
	return map[string]any{
		"indicatorText": func(ind *framework.Indicator) (*IndicatorText, error) {
			return v.indicators.get(tr, v.fragments[tr.Lang.Code], ind)
		},
		"progressBar": func(c assessment.Completion) (template.HTML, error) {
			return v.progressBar(tr.Lang.Code, c)
		},
		"contributorOptions": func(us []assessment.User) (template.HTML, error) {
			return v.contributorOptions(tr.Lang.Code, us)
		},
		"evidenceUpload": func(it *IndicatorText, e any) EvidenceUpload { return EvidenceUpload{it, e} },
		"answerFields":   func(it *IndicatorText, form any) AnswerFields { return AnswerFields{it, form} },
		"evidenceFiles":  func(view any, it *IndicatorText) EvidenceFiles { return EvidenceFiles{it, view} },
	}
}
