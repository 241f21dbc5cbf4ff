package assessment

import (
	"unicode/utf8"
)

// Text rules for everything people type. Both databases must store and
// return the same text, and PostgreSQL refuses what SQLite would keep
// (invalid UTF-8, NUL), so the rules are checked here, before either sees
// it. Control characters have no place in text people read; a line break
// or tab only in text of several lines (evidence, notes, comments).
//
// Direction controls (U+202A–U+202E embeddings and overrides, U+2066–U+2069
// isolates) are refused in one-line text: titles, names, periods and the
// like are put into other sentences (the tab title, the PDF header,
// notifications, mail subjects), where an unclosed override such as U+202E
// would reverse everything after it. Refusing them where they are typed is
// one rule in one place, instead of isolating every place a title is
// printed. Longer text may carry them (pasted right-to-left writing uses
// them); it is always shown in its own paragraph, where they end.

// CheckLine checks one-line text: valid UTF-8 without control or direction
// control characters. field names the input in the error.
func CheckLine(field, s string) error { return checkText(field, s, false) }

// CheckText checks text of several lines: valid UTF-8 without control
// characters other than tab, line feed and carriage return.
func CheckText(field, s string) error { return checkText(field, s, true) }

func checkText(field, s string, multiLine bool) error {
	if !utf8.ValidString(s) {
		return FieldError(field, "contains bytes that are not valid UTF-8 text; type it again or paste it as plain text")
	}
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			if !multiLine {
				return FieldError(field, "must be on one line, without tabs or line breaks")
			}
		case r < 0x20 || r == 0x7f:
			return FieldError(field, "contains an invisible control character (%U) that cannot be saved; remove it or paste the text as plain text", r)
		case !multiLine && isDirectionControl(r):
			return FieldError(field, "contains the invisible direction control %U, which could make it display out of order where it is shown; remove it", r)
		}
	}
	return nil
}

// isDirectionControl reports the bidirectional embedding, override and
// isolate controls (not the marks U+200E, U+200F and U+061C, which change
// nothing beyond the character next to them).
func isDirectionControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}
