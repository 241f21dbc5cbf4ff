package assessment

import (
	"strconv"
	"strings"
)

// Fields holds the fields of an answer, or of a capability's phases, as
// text, by the names forms and the API give them. A save carries in Base
// the values its writer started from, so that a save made on an older
// version can be laid over the stored one field by field: two people
// changing different fields is not a conflict.
type Fields map[string]string

// Field names of an answer and of a capability's phases.
const (
	FieldAnswer        = "answer"
	FieldEvidence      = "evidence"
	FieldLinks         = "links"
	FieldNote          = "note"
	FieldConfirmed     = "confirmed_phase"
	FieldJustification = "justification"
	FieldTarget        = "target_phase"
	FieldPriority      = "priority"
	FieldLead          = "lead"
)

// AnswerFields and JudgementFields list the fields in display order.
var (
	AnswerFields    = []string{FieldAnswer, FieldEvidence, FieldLinks, FieldNote}
	JudgementFields = []string{FieldConfirmed, FieldJustification, FieldTarget, FieldPriority, FieldLead}
)

// Equal reports whether f and g hold the same values.
func (f Fields) Equal(g Fields) bool {
	if len(f) != len(g) {
		return false
	}
	for k, v := range f {
		if w, ok := g[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// NormalizeField writes a field's value the way a saved value reads, so
// that values from a form, the API and the database compare equal:
// trimmed, Unix line ends, links one per line without blank lines.
func NormalizeField(name, v string) string {
	v = strings.TrimSpace(strings.ReplaceAll(v, "\r\n", "\n"))
	if name == FieldLinks {
		return strings.Join(SplitLinks(v), "\n")
	}
	return v
}

// NormalizeFields keeps the known names of a base and normalizes their
// values; nil when nothing is left.
func NormalizeFields(names []string, in map[string]string) Fields {
	var out Fields
	for _, n := range names {
		if v, ok := in[n]; ok {
			if out == nil {
				out = Fields{}
			}
			out[n] = NormalizeField(n, v)
		}
	}
	return out
}

// Fields returns the answer's fields.
func (a Answer) Fields() Fields {
	return Fields{FieldAnswer: string(a.Value), FieldEvidence: NormalizeField(FieldEvidence, a.Evidence),
		FieldLinks: strings.Join(a.Links, "\n"), FieldNote: NormalizeField(FieldNote, a.Note)}
}

func (a Answer) withFields(f Fields) Answer {
	a.Value, a.Evidence, a.Links, a.Note = AnswerValue(f[FieldAnswer]), f[FieldEvidence], SplitLinks(f[FieldLinks]), f[FieldNote]
	return a
}

// Fields returns the judgement's fields; an unset phase is "".
func (s CapabilityState) Fields() Fields {
	return Fields{FieldConfirmed: phaseText(s.Confirmed), FieldJustification: NormalizeField(FieldJustification, s.Justification),
		FieldTarget: phaseText(s.Target), FieldPriority: string(s.Priority), FieldLead: s.Lead}
}

func (s CapabilityState) withFields(f Fields) CapabilityState {
	s.Confirmed, s.Justification, s.Target = phaseOf(f[FieldConfirmed]), f[FieldJustification], phaseOf(f[FieldTarget])
	s.Priority, s.Lead = Priority(f[FieldPriority]), f[FieldLead]
	return s
}

func phaseText(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

func phaseOf(s string) *int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return nil
	}
	return &n
}

// Unchanged reports whether saving a would change nothing: its fields are
// the stored ones, or it has a base and every field in it is unchanged.
func (a Answer) Unchanged(stored Answer) bool {
	return unchanged(a.Fields(), stored.Fields(), a.Base)
}

// Unchanged is the same for a capability's phases.
func (s CapabilityState) Unchanged(stored CapabilityState) bool {
	return unchanged(s.Fields(), stored.Fields(), s.Base)
}

func unchanged(mine, stored, base Fields) bool {
	if mine.Equal(stored) {
		return true
	}
	if len(base) == 0 {
		return false
	}
	for n, b := range base {
		if mine[n] != b {
			return false
		}
	}
	return true
}

// MergeAnswer lays mine, a save made on an older version than stored, over
// stored. A field counts as changed by the writer when mine.Base has it and
// mine differs from it; it is taken when the stored value is still that
// base (or already equals mine). Fields the writer did not change keep the
// stored value, so another person's change to them stays. The result is
// stored's version with the writer's provenance. When a field was changed
// on both sides to different values, or mine has no base to merge from,
// the error is a conflict (Stale) listing those fields.
//
// Not applicable needs its reason in the note: a merge that would leave Not
// applicable without one (one person chose it, another cleared the note) is
// a conflict on both fields.
func MergeAnswer(stored, mine Answer) (Answer, error) {
	sf, mf := stored.Fields(), mine.Fields()
	merged, clash := mergeFields(AnswerFields, sf, mf, mine.Base, nil)
	if clash == nil && merged[FieldAnswer] == string(NA) && merged[FieldNote] == "" && !(sf[FieldAnswer] == string(NA) && sf[FieldNote] == "") {
		for _, n := range []string{FieldAnswer, FieldNote} {
			if sf[n] != mf[n] {
				clash = append(clash, n)
			}
		}
	}
	if clash != nil {
		return Answer{}, Stale(stored, clash)
	}
	out := stored.withFields(merged)
	out.Source, out.SourceContributionID, out.SourceReason = mine.Source, mine.SourceContributionID, mine.SourceReason
	out.Base = nil
	return out, nil
}

// MergeJudgement is MergeAnswer for a capability's phases. A confirmed
// phase and its justification go together: when the writer changed one of
// them and someone else one of them, it is a conflict unless both sides
// now agree, so a justification never ends up beside a phase it was not
// written for.
func MergeJudgement(stored, mine CapabilityState) (CapabilityState, error) {
	merged, clash := mergeFields(JudgementFields, stored.Fields(), mine.Fields(), mine.Base, []string{FieldConfirmed, FieldJustification})
	if clash != nil {
		return CapabilityState{}, Stale(stored, clash)
	}
	out := stored.withFields(merged)
	out.Base = nil
	return out, nil
}

// mergeFields returns the merged fields, or the names (in display order)
// of the fields that clash; clash is non-nil (maybe empty, when nothing
// differs) whenever there is no base to merge from.
func mergeFields(names []string, stored, mine, base Fields, group []string) (Fields, []string) {
	if len(base) == 0 {
		clash := []string{}
		for _, n := range names {
			if stored[n] != mine[n] {
				clash = append(clash, n)
			}
		}
		return nil, clash
	}
	out := Fields{}
	bad := map[string]bool{}
	for _, n := range names {
		out[n] = stored[n]
		b, ok := base[n]
		switch {
		case !ok || mine[n] == b: // not changed by the writer
		case stored[n] == b || stored[n] == mine[n]:
			out[n] = mine[n]
		default:
			bad[n] = true
		}
	}
	if byWriter, byOthers := groupChanged(group, stored, mine, base); byWriter && byOthers {
		for _, n := range group {
			if stored[n] != mine[n] {
				bad[n] = true
			}
		}
	}
	if len(bad) == 0 {
		return out, nil
	}
	var clash []string
	for _, n := range names {
		if bad[n] {
			clash = append(clash, n)
		}
	}
	return nil, clash
}

// groupChanged reports whether the writer and others changed any field of
// group. A field the base lacks was not changed by the writer, so its base
// is the writer's own value.
func groupChanged(group []string, stored, mine, base Fields) (byWriter, byOthers bool) {
	for _, n := range group {
		b, ok := base[n]
		if ok && mine[n] != b {
			byWriter = true
		}
		if !ok {
			b = mine[n]
		}
		if stored[n] != b {
			byOthers = true
		}
	}
	return byWriter, byOthers
}
