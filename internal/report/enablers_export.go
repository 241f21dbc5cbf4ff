package report

import "strings"

// The enablers in the exports: their own rows and objects, never inside a
// domain or an overall figure.

// EnablerJSON is one enabler in the JSON export: the capability's shape
// with its label ("E1") as number and no domain.
type EnablerJSON struct {
	Key        string          `json:"key"`
	Number     string          `json:"number"`
	Kind       string          `json:"kind"`
	Name       string          `json:"name"`
	Phase      *int            `json:"phase"` // null when not assessed
	Assessed   bool            `json:"assessed"`
	Completion CompletionScore `json:"completion"`
	State      StateJSON       `json:"state"`
	Indicators []IndicatorJSON `json:"indicators"`
	Rating     RatingJSON      `json:"rating"`
}

// RatingJSON is the phase rule's flags by indicator key.
type RatingJSON struct {
	NotAssessedReason string   `json:"not_assessed_reason,omitempty"`
	AboveSuggested    []string `json:"above_suggested"`
	DataGaps          []string `json:"data_gaps"`
}

func (r *Report) enablersJSON() []EnablerJSON {
	out := []EnablerJSON{}
	for _, e := range r.Enablers {
		out = append(out, EnablerJSON{Key: e.Key, Number: e.Label, Kind: "enabler", Name: e.Name, Phase: e.Phase, Assessed: e.Assessed(),
			Completion: e.Completion,
			State: StateJSON{ConfirmedPhase: e.State.Confirmed, SuggestedPhase: e.Suggested, TargetPhase: e.State.Target,
				Justification: e.Justification, Priority: e.State.Priority, Lead: e.State.Lead, Version: e.State.Version,
				UpdatedBy: e.State.UpdatedBy, UpdatedAt: optTime(e.State.UpdatedAt)},
			Indicators: indicatorsJSON(e.Indicators), Rating: ratingJSON(e.Rating)})
	}
	return out
}

func indicatorsJSON(lines []IndicatorLine) []IndicatorJSON {
	out := []IndicatorJSON{}
	for _, l := range lines {
		out = append(out, IndicatorJSON{
			Key: l.Key, Phase: l.Phase, Text: l.Text, Answer: string(l.Value), Evidence: l.Evidence,
			Links: nonNil(l.Links), Note: l.Note, Version: l.Version, UpdatedBy: l.UpdatedBy, UpdatedAt: optTime(l.UpdatedAt),
		})
	}
	return out
}

func ratingJSON(ri RatingInfo) RatingJSON {
	keys := func(ls []IndicatorLine) []string {
		out := []string{}
		for _, l := range ls {
			out = append(out, l.Key)
		}
		return out
	}
	return RatingJSON{NotAssessedReason: ri.NotAssessedReason, AboveSuggested: keys(ri.AboveSuggested), DataGaps: keys(ri.DataGaps)}
}

// enablerRows are the enablers' rows of the answers table (CSV and the
// workbook's answers sheet), after every capability's: no domain, the
// label ("E1") as number, "Enablers" in the domain column.
func enablerRows(r *Report) [][]answerCell {
	var rows [][]answerCell
	for _, e := range r.Enablers {
		for _, l := range e.Indicators {
			rows = append(rows, []answerCell{
				nil, r.t("FrameworkEnablers"), e.Label, e.Key, e.Name,
				l.Key, l.Phase, l.Text, string(l.Value), l.Evidence, strings.Join(l.Links, LinkSeparator), l.Note,
				e.Suggested, optInt(e.Phase), e.Justification, optInt(e.Target), e.State.Priority, e.State.Lead,
				l.UpdatedBy, timeText(l.UpdatedAt),
			})
		}
	}
	return rows
}

// SheetEnablers is the workbook's sheet of the enablers, apart from the
// capabilities: they have phases but no domain, and count in no domain's
// or the overall figure.
const SheetEnablers = "Enablers"

var enablerColumns = []string{
	"Number", "Enabler", "Phase", "Suggested phase", "Target phase", "Priority", "Lead", "Completion %", "Justification",
}

// enablers writes the Enablers sheet (a header row only when none is in
// scope, so readers always find the sheet).
func (x *xlsx) enablers(r *Report) {
	const s = SheetEnablers
	var rows [][]any
	for _, e := range r.Enablers {
		var phase any = exportNotAssessed
		if e.Phase != nil {
			phase = *e.Phase
		}
		rows = append(rows, []any{e.Label, e.Name, phase, e.Suggested, optInt(e.State.Target), e.State.Priority, e.State.Lead,
			e.Completion.Percent, e.Justification})
	}
	x.table(s, 1, enablerColumns, rows)
	x.freezeHeader(s)
	x.widths(s, 9, 50, 13, 10, 10, 10, 24, 12, 50)
}
