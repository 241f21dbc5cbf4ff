package framework

import (
	"encoding/json"
	"strconv"
)

// Kind tells a capability from an enabler. Both share the Capability shape
// so that the questionnaire, the phase rule and the judgement work on either.
type Kind string

// Kinds of assessable entry.
const (
	KindCapability Kind = "capability"
	KindEnabler    Kind = "enabler"
)

// EnablerPrefix is put before an enabler's number when it is shown: E1…E5,
// so that enablers are never confused with capabilities 1…5.
const EnablerPrefix = "E"

// IsEnabler reports whether c is one of the MNR enablers.
func (c *Capability) IsEnabler() bool { return c.Kind == KindEnabler }

// Label is the number as shown: "3" for capability 3, "E3" for enabler 3.
func (c *Capability) Label() string {
	if c.IsEnabler() {
		return EnablerPrefix + strconv.Itoa(c.Number)
	}
	return strconv.Itoa(c.Number)
}

// MarshalJSON writes a capability as its fields; an enabler the same way
// but with its number as its label ("E1") and "kind": "enabler", so API
// clients can read both with one shape and never mistake E1 for capability 1.
func (c Capability) MarshalJSON() ([]byte, error) {
	type plain Capability // no methods: no recursion
	if c.Kind != KindEnabler {
		return json.Marshal(plain(c))
	}
	return json.Marshal(struct {
		plain
		Number string `json:"number"`
		Kind   Kind   `json:"kind"`
	}{plain(c), c.Label(), c.Kind})
}
