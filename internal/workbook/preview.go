package workbook

import (
	"slices"
	"strconv"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// Preview is what importing a workbook would do: answers and phases that
// are new or changed, and conflicts (changed in the workbook and, since
// the download, online too, differently), which are left as they are
// online. Applied says whether the import was carried out.
type Preview struct {
	New       []Item `json:"new"`
	Changed   []Item `json:"changed"`
	Conflicts []Item `json:"conflicts"`
	Applied   bool   `json:"applied"`

	Target  Target                       `json:"-"`
	Answers []assessment.Answer          `json:"-"` // to save, each on its downloaded version with its base
	States  []assessment.CapabilityState `json:"-"`
}

// Item is one indicator's answer, or one capability's phases, in a preview.
type Item struct {
	Kind      string            `json:"kind"` // "answer" or "judgement"
	Key       string            `json:"key"`
	Number    string            `json:"number"` // "4.2" for an indicator, "4" or "E1" for a capability
	Sheet     string            `json:"sheet"`
	Cell      string            `json:"cell"`
	Fields    []string          `json:"fields"` // changed in the workbook (for a conflict: changed on both sides)
	Yours     assessment.Fields `json:"yours"`
	Online    assessment.Fields `json:"online"`
	ChangedBy string            `json:"changed_by,omitempty"` // who saved the online value last (conflicts)
	ChangedAt *time.Time        `json:"changed_at,omitempty"`
}

// Empty reports whether importing would change nothing.
func (p *Preview) Empty() bool { return len(p.Answers) == 0 && len(p.States) == 0 }

// Capabilities lists the keys of the capabilities the import would change,
// for the policy check.
func (p *Preview) Capabilities() []string {
	var out []string
	for _, a := range p.Answers {
		if !slices.Contains(out, a.CapabilityKey) {
			out = append(out, a.CapabilityKey)
		}
	}
	for _, s := range p.States {
		if !slices.Contains(out, s.CapabilityKey) {
			out = append(out, s.CapabilityKey)
		}
	}
	return out
}

// CheckTarget refuses a workbook of another assessment or contribution.
func CheckTarget(p *Parsed, want Target, frameworkVersion string) error {
	if p.Target != want {
		return assessment.FieldError("file", "This workbook was downloaded from another assessment or contribution (%s), not from this one. Import it there, or download this one's workbook.", p.Target.String())
	}
	if p.Framework != frameworkVersion {
		return tampered()
	}
	return nil
}

// Compare lays the parsed workbook over the stored answers of d (read just
// now) with the rules of the app's own saves: the same validation, and
// the same field-by-field merge when an answer changed online since the
// download (assessment.MergeAnswer, MergeJudgement).
func Compare(p *Parsed, d *assessment.Detail) (*Preview, error) {
	out := &Preview{Target: p.Target, New: []Item{}, Changed: []Item{}, Conflicts: []Item{}}
	values := map[string]map[string]assessment.AnswerValue{} // capability → values after the import
	for _, e := range p.Entries {
		if e.Kind != kindAnswer {
			continue
		}
		if err := out.answer(d, e, values); err != nil {
			return nil, err
		}
	}
	for _, e := range p.Entries {
		if e.Kind != kindJudgement {
			continue
		}
		if err := out.judgement(d, e, values); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (out *Preview) answer(d *assessment.Detail, e Entry, values map[string]map[string]assessment.AnswerValue) error {
	ind := d.Framework.Indicator(e.Key)
	if ind == nil {
		return tampered()
	}
	cd := d.Capability(ind.Capability.Key)
	if cd == nil {
		return assessment.FieldError("file", "Indicator %s is no longer part of this assessment. Download a new workbook.", assessment.IndicatorNumber(ind))
	}
	if values[cd.Capability.Key] == nil {
		values[cd.Capability.Key] = cd.Values()
	}
	if e.Mine.Equal(e.Base) {
		return nil
	}
	in := assessment.AnswerInput{Value: e.Mine[assessment.FieldAnswer], Evidence: e.Mine[assessment.FieldEvidence], Note: e.Mine[assessment.FieldNote],
		Links: assessment.SplitLinks(e.Mine[assessment.FieldLinks]), Version: e.Version, Base: e.Base}
	a, err := in.Validate(&d.Assessment, d.Framework, e.Key)
	if err != nil {
		return cellError(e.Sheet, answerCell(e, err), "WbField_"+fieldOf(err), err)
	}
	stored := cd.Answer(e.Key)
	item := Item{Kind: kindAnswer, Key: e.Key, Number: assessment.IndicatorNumber(ind), Sheet: e.Sheet, Cell: e.Cell,
		Fields: changedFields(assessment.AnswerFields, e.Mine, e.Base), Yours: a.Fields(), Online: stored.Fields()}
	result := a.Fields()
	if stored.Version != e.Version {
		merged, err := assessment.MergeAnswer(stored, a)
		if err != nil {
			out.Conflicts = append(out.Conflicts, conflict(item, err, stored.UpdatedBy, stored.UpdatedAt))
			return nil
		}
		result = merged.Fields()
	}
	if result.Equal(stored.Fields()) {
		return nil
	}
	values[cd.Capability.Key][e.Key] = assessment.AnswerValue(result[assessment.FieldAnswer])
	out.Answers = append(out.Answers, a)
	if stored.Value == assessment.Unanswered {
		out.New = append(out.New, item)
	} else {
		out.Changed = append(out.Changed, item)
	}
	return nil
}

func (out *Preview) judgement(d *assessment.Detail, e Entry, values map[string]map[string]assessment.AnswerValue) error {
	cd := d.Capability(e.Key)
	if cd == nil || e.Mine.Equal(e.Base) {
		return nil
	}
	in := assessment.CapabilityInput{Confirmed: phaseOf(e.Mine[assessment.FieldConfirmed]), Justification: e.Mine[assessment.FieldJustification],
		Target: phaseOf(e.Mine[assessment.FieldTarget]), Priority: e.Mine[assessment.FieldPriority], Lead: e.Mine[assessment.FieldLead],
		Version: e.Version, Base: e.Base}
	after := *cd // the justification rule looks at the suggestion the imported answers give
	if v := values[cd.Capability.Key]; v != nil {
		after.Suggested = assessment.SuggestedPhase(cd.Capability, v)
	}
	st, err := in.Validate(&after)
	if err != nil {
		return cellError(e.Sheet, judgementCell(e, err), "WbField_"+fieldOf(err), err)
	}
	stored := cd.State
	item := Item{Kind: kindJudgement, Key: e.Key, Number: cd.Capability.Label(), Sheet: e.Sheet, Cell: e.Cell,
		Fields: changedFields(assessment.JudgementFields, e.Mine, e.Base), Yours: st.Fields(), Online: stored.Fields()}
	result := st.Fields()
	if stored.Version != e.Version {
		merged, err := assessment.MergeJudgement(stored, st)
		if err != nil {
			out.Conflicts = append(out.Conflicts, conflict(item, err, stored.UpdatedBy, stored.UpdatedAt))
			return nil
		}
		result = merged.Fields()
	}
	if result.Equal(stored.Fields()) {
		return nil
	}
	out.States = append(out.States, st)
	if stored.Version == 0 {
		out.New = append(out.New, item)
	} else {
		out.Changed = append(out.Changed, item)
	}
	return nil
}

func conflict(item Item, err error, by string, at time.Time) Item {
	if e, ok := assessment.AsError(err); ok && len(e.Fields) > 0 {
		item.Fields = e.Fields
	}
	item.ChangedBy = by
	if !at.IsZero() {
		item.ChangedAt = &at
	}
	return item
}

func changedFields(names []string, mine, base assessment.Fields) []string {
	out := []string{}
	for _, n := range names {
		if mine[n] != base[n] {
			out = append(out, n)
		}
	}
	return out
}

// answerCell is the cell of the answer field an error names.
func answerCell(e Entry, err error) string {
	col := map[string]string{assessment.FieldEvidence: colEvidence, assessment.FieldNote: colNote}[fieldOf(err)]
	if col == "" {
		return e.Cell
	}
	return col + e.Cell[len(colAnswer):]
}

// judgementCell is the cell of the phase field an error names.
func judgementCell(e Entry, err error) string {
	row, _ := strconv.Atoi(e.Cell[len(colAnswer):])
	if i := slices.Index(assessment.JudgementFields, fieldOf(err)); i > 0 {
		row += i
	}
	return colAnswer + strconv.Itoa(row)
}

func fieldOf(err error) string {
	if e, ok := assessment.AsError(err); ok && e.Field != "" {
		return e.Field
	}
	return assessment.FieldConfirmed
}

func phaseOf(s string) *int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return nil
	}
	return &n
}
