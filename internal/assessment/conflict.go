package assessment

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// Stale is the conflict of a save made on an older version than the stored
// one: current is the stored Answer or CapabilityState, fields the fields
// changed on both sides. ExplainConflict names who changed what and when
// once the framework is at hand.
func Stale(current any, fields []string) *Error {
	e := Errorf(ECONFLICT, "Someone else saved a newer version after you opened it. Compare it with yours, then keep yours or use theirs.")
	e.Field, e.Current, e.Fields = "version", current, fields
	return e
}

// ExplainConflict rewrites a stale-save conflict so that people can act on
// it: who saved, which indicator or capability (by number and short text,
// never by key), when. Other errors pass unchanged.
func ExplainConflict(fw *framework.Framework, err error) error {
	e, ok := AsError(err)
	if !ok || e.Code != ECONFLICT || fw == nil {
		return err
	}
	var out *Error
	switch cur := e.Current.(type) {
	case Answer:
		ind := fw.Indicator(cur.IndicatorKey)
		if ind == nil {
			return err
		}
		out = Errorf(ECONFLICT, "%s changed indicator %s (“%s”) on %s, after you opened it. Compare the stored answer with yours, then keep yours or use theirs.",
			who(cur.UpdatedBy), IndicatorNumber(ind), Phrase{Text: ind.Text}, Moment(cur.UpdatedAt))
	case CapabilityState:
		c := fw.Assessable(cur.CapabilityKey)
		if c == nil {
			return err
		}
		if c.IsEnabler() {
			out = Errorf(ECONFLICT, "%s changed the phases of enabler %s (“%s”) on %s, after you opened it. Compare the stored values with yours, then keep yours or use theirs.",
				who(cur.UpdatedBy), c.Label(), Phrase{Text: c.Short}, Moment(cur.UpdatedAt))
			break
		}
		out = Errorf(ECONFLICT, "%s changed the phases of capability %d (“%s”) on %s, after you opened it. Compare the stored values with yours, then keep yours or use theirs.",
			who(cur.UpdatedBy), c.Number, Phrase{Text: c.Short}, Moment(cur.UpdatedAt))
	default:
		return err
	}
	out.Field, out.Current, out.Fields = e.Field, e.Current, e.Fields
	return out
}

func who(name string) any {
	if name == "" {
		return Term{ID: "AutosaveSomeone", English: "Someone"}
	}
	return name
}

// IndicatorNumber numbers an indicator within its capability: "4.2" is the
// second indicator of capability 4, "E2.1" the first of enabler 2. People
// read numbers, not keys.
func IndicatorNumber(ind *framework.Indicator) string {
	for i, x := range ind.Capability.Indicators {
		if x == ind {
			return fmt.Sprintf("%s.%d", ind.Capability.Label(), i+1)
		}
	}
	return ind.Capability.Label()
}

// ShortText cuts a long text at a word boundary to about 60 characters,
// for naming an indicator in a sentence or an accessible name.
func ShortText(s string) string {
	const max = 60
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)[:max]
	cut := string(r)
	if i := strings.LastIndex(cut, " "); i > max/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.") + "…"
}

// Phrase is a framework text as an argument of an error message, shortened:
// English in Message, the page's language on pages.
type Phrase struct{ Text framework.Text }

func (p Phrase) String() string { return p.In("en") }

// In is the shortened text in a language.
func (p Phrase) In(lang string) string { return ShortText(p.Text.In(lang)) }

// Moment is a time as an argument of an error message: English in Message,
// the page's language (with its month names) on pages.
type Moment time.Time

func (m Moment) String() string {
	t := time.Time(m)
	if t.IsZero() {
		return "–"
	}
	return t.UTC().Format("2 January 2006 15:04") + " UTC"
}
