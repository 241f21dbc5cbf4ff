package workbook

import (
	"strconv"
	"strings"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
)

// choices is a drop-down list: labels in the workbook's language, in
// order, and the value each stands for. An empty cell is always allowed
// and means "not set".
type choices struct {
	labels []string
	value  map[string]string
}

func (c *choices) add(label, value string) {
	// A comma separates the items of an inline drop-down list.
	label = strings.ReplaceAll(label, ",", " ")
	c.labels = append(c.labels, label)
	c.value[label] = value
}

// read returns the value of a cell's text, and whether it is one of the
// choices. Spaces around the text and the letter case do not matter.
func (c *choices) read(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", true
	}
	if v, ok := c.value[s]; ok {
		return v, true
	}
	for l, v := range c.value {
		if strings.EqualFold(l, s) {
			return v, true
		}
	}
	return "", false
}

// labelOf is the label of a value, "" when unset.
func (c *choices) labelOf(v string) string {
	for _, l := range c.labels {
		if c.value[l] == v && v != "" {
			return l
		}
	}
	return ""
}

// lists holds the drop-down lists of one workbook language.
type lists struct {
	answers, phases, priorities *choices
}

func newLists(tr *i18n.Translator, fw *framework.Framework) lists {
	l := lists{answers: &choices{value: map[string]string{}}, phases: &choices{value: map[string]string{}},
		priorities: &choices{value: map[string]string{}}}
	for _, v := range assessment.AnswerValues {
		l.answers.add(tr.T("Answer_"+string(v)), string(v))
	}
	for n := 0; n <= framework.MaxPhase; n++ {
		l.phases.add(strconv.Itoa(n)+" – "+fw.PhaseInfo(n).Name.In(tr.Lang.Code), strconv.Itoa(n))
		l.phases.value[strconv.Itoa(n)] = strconv.Itoa(n) // a phase typed as its number
	}
	for _, p := range assessment.Priorities {
		l.priorities.add(tr.T("Priority_"+string(p)), string(p))
	}
	return l
}
