package assessment

import "strings"

// Marking is an assessment's confidentiality marking: how widely its report
// may be passed on. It is printed on the cover and on every page.
type Marking string

// Markings, from the most open to the most closed. New assessments are
// Internal: nothing is public until someone decides it is.
const (
	MarkingPublic       Marking = "public"
	MarkingInternal     Marking = "internal"
	MarkingRestricted   Marking = "restricted"
	MarkingConfidential Marking = "confidential"
)

// Markings lists every marking in order, for forms.
var Markings = []Marking{MarkingPublic, MarkingInternal, MarkingRestricted, MarkingConfidential}

// DefaultMarking is the marking of an assessment nobody has marked.
const DefaultMarking = MarkingInternal

// MarkingInput is a request to change a marking. Previous is the marking
// the requester saw; a different stored marking means someone changed it
// meanwhile (409), so no change is silently overwritten.
type MarkingInput struct {
	Marking  string
	Previous string
}

// Validate checks both markings are known ones.
func (in MarkingInput) Validate() (to, from Marking, err error) {
	to, ok := ParseMarking(in.Marking)
	if !ok {
		return "", "", FieldError("marking", "Choose one of the markings: public, internal, restricted or confidential.")
	}
	from, ok = ParseMarking(in.Previous)
	if !ok {
		return "", "", FieldError("previous_marking", "Give the marking you saw (public, internal, restricted or confidential), so a change made meanwhile is not overwritten.")
	}
	return to, from, nil
}

// ParseMarking reads a marking, ignoring case and surrounding spaces.
func ParseMarking(s string) (Marking, bool) {
	m := Marking(strings.ToLower(strings.TrimSpace(s)))
	for _, k := range Markings {
		if m == k {
			return m, true
		}
	}
	return "", false
}
