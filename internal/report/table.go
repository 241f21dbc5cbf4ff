package report

import (
	"strconv"
	"strings"
	"time"
)

// The CSV and the Answers sheet share one table: one row per indicator in
// scope, so both exports always carry the same columns in the same order.

// answerColumns are the headers of the answers table.
var answerColumns = []string{
	"Domain number", "Domain", "Capability number", "Capability key", "Capability",
	"Indicator key", "Indicator phase", "Indicator", "Answer", "Evidence", "Links", "Note",
	"Suggested phase", "Confirmed phase", "Justification", "Target phase", "Priority", "Lead",
	"Updated by", "Updated at",
}

// LinkSeparator joins an answer's links in a single cell.
const LinkSeparator = " | "

// answerCell is one cell: a string, or an int, or nil for an empty cell.
type answerCell = any

// answerRows returns the answers table without its header. The answer is
// the stable code (yes, partly, no, unknown, na, or empty), which reads the
// same in every language and sorts predictably.
func answerRows(r *Report) [][]answerCell {
	var rows [][]answerCell
	for _, c := range r.Capabilities {
		for _, l := range c.Indicators {
			rows = append(rows, []answerCell{
				c.DomainNumber, c.DomainName, c.Number, c.Key, c.Name,
				l.Key, l.Phase, l.Text, string(l.Value), l.Evidence, strings.Join(l.Links, LinkSeparator), l.Note,
				c.Score.Suggested, optInt(c.Score.Phase), c.Justification, optInt(c.Score.Target), c.Score.Priority, c.Score.Lead,
				l.UpdatedBy, timeText(l.UpdatedAt),
			})
		}
	}
	return append(rows, enablerRows(r)...)
}

func optInt(p *int) answerCell {
	if p == nil {
		return nil
	}
	return *p
}

func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// cellText renders a cell for a text-only format.
func cellText(v answerCell) string {
	switch x := v.(type) {
	case nil:
		return ""
	case int:
		return strconv.Itoa(x)
	case string:
		return SafeCell(x)
	}
	return ""
}

// SafeCell defuses spreadsheet formula injection: text a user typed that
// starts with a formula trigger (=, +, -, @, tab, carriage return) gets a
// leading single quote, so a spreadsheet shows it as text instead of running
// it (OWASP CSV injection guidance).
func SafeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
