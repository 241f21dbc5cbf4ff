package assessment

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/framework"
)

func answer(value, evidence, links, note string, version int) Answer {
	return Answer{AssessmentID: 7, IndicatorKey: "leadership-1", CapabilityKey: "leadership", Value: AnswerValue(value),
		Evidence: evidence, Links: SplitLinks(links), Note: note, Version: version, UpdatedBy: "Amira", UpdatedAt: time.Date(2026, 5, 3, 14, 5, 0, 0, time.UTC)}
}

func TestMergeAnswer(t *testing.T) {
	// The writer opened version 1: yes / "Decree 4" / no links / no note.
	cases := []struct {
		name    string
		stored  Answer   // version 2 or 3, saved by someone else meanwhile
		mine    Answer   // the writer's values
		base    Fields   // what the writer started from, for the fields it changed
		want    Fields   // merged, when no conflict
		clashes []string // conflicting fields, when a conflict
	}{
		{name: "different fields: both kept",
			stored: answer("yes", "Decree 4, annex", "", "", 2), mine: answer("no", "Decree 4", "", "", 1),
			base: Fields{"answer": "yes"},
			want: Fields{"answer": "no", "evidence": "Decree 4, annex", "links": "", "note": ""}},
		{name: "same field, same new value: no conflict",
			stored: answer("no", "Decree 4", "", "", 2), mine: answer("no", "Decree 4", "", "a note", 1),
			base: Fields{"answer": "yes", "note": ""},
			want: Fields{"answer": "no", "evidence": "Decree 4", "links": "", "note": "a note"}},
		{name: "same field, different values: conflict on it only",
			stored: answer("partly", "Decree 4, annex", "", "", 2), mine: answer("no", "Decree 4", "", "mine", 1),
			base: Fields{"answer": "yes", "note": ""}, clashes: []string{"answer"}},
		{name: "every field changed on both sides",
			stored: answer("partly", "B", "https://b.example", "b", 3), mine: answer("no", "A", "https://a.example", "a", 1),
			base: Fields{"answer": "yes", "evidence": "Decree 4", "links": "", "note": ""}, clashes: []string{"answer", "evidence", "links", "note"}},
		{name: "a field the writer sent but did not change keeps the stored value",
			stored: answer("yes", "Decree 4, annex", "", "", 2), mine: answer("no", "Decree 4", "", "", 1),
			base: Fields{"answer": "yes", "evidence": "Decree 4"},
			want: Fields{"answer": "no", "evidence": "Decree 4, annex", "links": "", "note": ""}},
		{name: "the writer changed a field back to what is stored",
			stored: answer("no", "Decree 4", "", "", 2), mine: answer("no", "Decree 4", "", "", 1),
			base: Fields{"answer": "partly"},
			want: Fields{"answer": "no", "evidence": "Decree 4", "links": "", "note": ""}},
		{name: "clearing an answer is a change like any other",
			stored: answer("yes", "Decree 4", "", "theirs", 2), mine: answer("", "Decree 4", "", "", 1),
			base: Fields{"answer": "yes"},
			want: Fields{"answer": "", "evidence": "Decree 4", "links": "", "note": "theirs"}},
		{name: "links and text compare after normalising line ends and blanks",
			stored: answer("yes", "line one\nline two", "https://a.example\nhttps://b.example", "", 2),
			mine:   answer("no", "line one\nline two", "https://a.example\nhttps://b.example", "", 1),
			base:   Fields{"answer": "yes", "evidence": NormalizeField("evidence", " line one\r\nline two "), "links": NormalizeField("links", "https://a.example\r\n\r\n https://b.example ")},
			want:   Fields{"answer": "no", "evidence": "line one\nline two", "links": "https://a.example\nhttps://b.example", "note": ""}},
		{name: "Not applicable chosen by one, its reason cleared by the other",
			stored: answer("yes", "Decree 4", "", "", 2), mine: answer("na", "Decree 4", "", "No such body exists", 1),
			base: Fields{"answer": "yes"}, clashes: []string{"answer", "note"}},
		{name: "Not applicable and its reason, while the other changed the evidence",
			stored: answer("yes", "Decree 4, annex", "", "", 2), mine: answer("na", "Decree 4", "", "No such body exists", 1),
			base: Fields{"answer": "yes", "note": ""},
			want: Fields{"answer": "na", "evidence": "Decree 4, annex", "links": "", "note": "No such body exists"}},
		{name: "no base: every differing field conflicts",
			stored: answer("yes", "Decree 4, annex", "", "", 2), mine: answer("no", "Decree 4, annex", "", "", 1),
			clashes: []string{"answer"}},
		{name: "no base and nothing differs: still a conflict, with no field named",
			stored: answer("yes", "Decree 4", "", "", 2), mine: answer("yes", "Decree 4", "", "", 1),
			clashes: []string{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.mine.Base = c.base
			c.mine.Source = SourceTyped
			got, err := MergeAnswer(c.stored, c.mine)
			if c.clashes != nil {
				e, ok := AsError(err)
				if !ok || e.Code != ECONFLICT {
					t.Fatalf("want a conflict, got %v (%+v)", err, got.Fields())
				}
				if !reflect.DeepEqual(e.Fields, c.clashes) {
					t.Errorf("conflicting fields = %q, want %q", e.Fields, c.clashes)
				}
				if cur, ok := e.Current.(Answer); !ok || cur.Version != c.stored.Version {
					t.Errorf("conflict carries %+v, want the stored answer", e.Current)
				}
				return
			}
			if err != nil {
				t.Fatalf("merge: %v", err)
			}
			if !got.Fields().Equal(c.want) {
				t.Errorf("merged = %q, want %q", got.Fields(), c.want)
			}
			if got.Version != c.stored.Version || got.Base != nil || got.Source != SourceTyped || got.IndicatorKey != "leadership-1" {
				t.Errorf("merged answer: version %d, base %v, source %q, key %q", got.Version, got.Base, got.Source, got.IndicatorKey)
			}
		})
	}
}

func judgement(confirmed, justification, target, priority, lead string, version int) CapabilityState {
	s := CapabilityState{AssessmentID: 7, CapabilityKey: "leadership", Version: version, UpdatedBy: "Amira"}
	return s.withFields(Fields{FieldConfirmed: confirmed, FieldJustification: justification, FieldTarget: target, FieldPriority: priority, FieldLead: lead})
}

func TestMergeJudgement(t *testing.T) {
	// The writer opened version 1: not confirmed, no target, no priority,
	// lead "Ministry".
	cases := []struct {
		name    string
		stored  CapabilityState
		mine    CapabilityState
		base    Fields
		want    Fields
		clashes []string
	}{
		{name: "target by one, priority by the other: both kept",
			stored: judgement("", "", "", "high", "Ministry", 2), mine: judgement("", "", "3", "", "Ministry", 1),
			base: Fields{"target_phase": ""},
			want: Fields{"confirmed_phase": "", "justification": "", "target_phase": "3", "priority": "high", "lead": "Ministry"}},
		{name: "lead by one, target and priority by the other",
			stored: judgement("", "", "4", "low", "Ministry", 3), mine: judgement("", "", "", "", "Cabinet office", 1),
			base: Fields{"lead": "Ministry"},
			want: Fields{"confirmed_phase": "", "justification": "", "target_phase": "4", "priority": "low", "lead": "Cabinet office"}},
		{name: "same field, different values",
			stored: judgement("", "", "4", "", "Ministry", 2), mine: judgement("", "", "3", "", "Ministry", 1),
			base: Fields{"target_phase": ""}, clashes: []string{"target_phase"}},
		{name: "same field, same value",
			stored: judgement("", "", "3", "", "Ministry", 2), mine: judgement("", "", "3", "medium", "Ministry", 1),
			base: Fields{"target_phase": "", "priority": ""},
			want: Fields{"confirmed_phase": "", "justification": "", "target_phase": "3", "priority": "medium", "lead": "Ministry"}},
		{name: "phase by one, its justification by the other: a conflict on both",
			stored: judgement("", "Survey pending", "", "", "Ministry", 2), mine: judgement("2", "", "", "", "Ministry", 1),
			base: Fields{"confirmed_phase": ""}, clashes: []string{"confirmed_phase", "justification"}},
		{name: "phase and justification by the writer, target by the other",
			stored: judgement("", "", "4", "", "Ministry", 2), mine: judgement("2", "Budget cut in 2026", "", "", "Ministry", 1),
			base: Fields{"confirmed_phase": "", "justification": ""},
			want: Fields{"confirmed_phase": "2", "justification": "Budget cut in 2026", "target_phase": "4", "priority": "", "lead": "Ministry"}},
		{name: "phase and justification set alike on both sides",
			stored: judgement("2", "Budget cut", "", "", "Ministry", 2), mine: judgement("2", "Budget cut", "", "", "Ministry", 1),
			base: Fields{"confirmed_phase": "", "justification": ""},
			want: Fields{"confirmed_phase": "2", "justification": "Budget cut", "target_phase": "", "priority": "", "lead": "Ministry"}},
		{name: "the other changed the phase, the writer only the priority",
			stored: judgement("3", "Evaluated in 2025", "", "", "Ministry", 2), mine: judgement("", "", "", "high", "Ministry", 1),
			base: Fields{"priority": ""},
			want: Fields{"confirmed_phase": "3", "justification": "Evaluated in 2025", "target_phase": "", "priority": "high", "lead": "Ministry"}},
		{name: "no base",
			stored: judgement("", "", "", "high", "Ministry", 2), mine: judgement("", "", "3", "", "Ministry", 1),
			clashes: []string{"target_phase", "priority"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.mine.Base = c.base
			got, err := MergeJudgement(c.stored, c.mine)
			if c.clashes != nil {
				e, ok := AsError(err)
				if !ok || e.Code != ECONFLICT || !reflect.DeepEqual(e.Fields, c.clashes) {
					t.Fatalf("want a conflict on %q, got %v", c.clashes, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("merge: %v", err)
			}
			if !got.Fields().Equal(c.want) || got.Version != c.stored.Version || got.Base != nil {
				t.Errorf("merged = %q (version %d), want %q", got.Fields(), got.Version, c.want)
			}
		})
	}
}

func TestUnchanged(t *testing.T) {
	stored := answer("yes", "Decree 4", "", "", 2)
	mine := answer("yes", "Decree 4", "", "", 1)
	if !mine.Unchanged(stored) {
		t.Error("equal to the stored answer: unchanged")
	}
	mine = answer("no", "Decree 4", "", "", 1)
	if mine.Unchanged(stored) {
		t.Error("a different answer without a base: changed")
	}
	mine.Base = Fields{"answer": "no"}
	if !mine.Unchanged(stored) {
		t.Error("the writer left the answer as it found it (someone else changed it since): unchanged")
	}
	mine.Base = Fields{"answer": "yes"}
	if mine.Unchanged(stored) {
		t.Error("the writer changed yes to no: changed")
	}
	st := judgement("", "", "3", "", "", 1)
	st.Base = Fields{"target_phase": "3"}
	if !st.Unchanged(judgement("", "", "4", "", "", 2)) {
		t.Error("phases left as found: unchanged")
	}
}

func TestExplainConflict(t *testing.T) {
	fw, err := framework.Get("2026.1")
	if err != nil {
		t.Fatal(err)
	}
	cur := answer("no", "", "", "", 2)
	cur.IndicatorKey = "leadership-2"
	err = ExplainConflict(fw, Stale(cur, []string{"answer"}))
	e, _ := AsError(err)
	want := "Amira changed indicator 1.2 (“A multi-agency committee with written terms of reference…”) on 3 May 2026 14:05 UTC, after you opened it."
	if e == nil || e.Code != ECONFLICT || !strings.HasPrefix(e.Message, want) {
		t.Fatalf("message = %q, want it to start with %q", e.Message, want)
	}
	if strings.Contains(e.Message, "leadership") || strings.Contains(e.Message, "version") {
		t.Errorf("message names a key or a version: %q", e.Message)
	}
	if !reflect.DeepEqual(e.Fields, []string{"answer"}) || e.Current.(Answer).Version != 2 || e.Field != "version" {
		t.Errorf("conflict details lost: %+v", e)
	}

	st := CapabilityState{CapabilityKey: "hotline", Version: 4}
	e, _ = AsError(ExplainConflict(fw, Stale(st, nil)))
	if c := fw.Capability("hotline"); !strings.HasPrefix(e.Message, "Someone changed the phases of capability "+strconv.Itoa(c.Number)+" (“"+c.Short.In("en")+"”) on –") {
		t.Errorf("capability message = %q", e.Message)
	}
	locked := Errorf(ECONFLICT, "this assessment is approved and locked; it must be reopened before it can change")
	if ExplainConflict(fw, locked) != error(locked) {
		t.Error("a conflict without a stored value changed")
	}
}

func TestShortTextAndNumber(t *testing.T) {
	if got := ShortText("Short enough."); got != "Short enough." {
		t.Errorf("short text changed: %q", got)
	}
	long := "A situational analysis of the threat, vulnerability, risk and response has been completed"
	if got := ShortText(long); got != "A situational analysis of the threat, vulnerability, risk…" {
		t.Errorf("ShortText = %q", got)
	}
	fw, _ := framework.Get("2026.1")
	if got := IndicatorNumber(fw.Indicator("hotline-2")); got != strconv.Itoa(fw.Capability("hotline").Number)+".2" {
		t.Errorf("IndicatorNumber = %q", got)
	}
}
