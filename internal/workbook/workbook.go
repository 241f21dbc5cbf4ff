// Package workbook writes an assessment, or one agency's contribution, as
// an XLSX workbook people fill offline, and reads it back: every input cell
// checked, and a preview of what importing would change (new answers,
// changed answers, conflicts with answers changed online since the
// download). It knows no HTTP and no SQL: callers load the assessment,
// and apply the preview's writes through the store's answer saves.
package workbook

import (
	"strconv"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// Limits on a workbook read back. A workbook of the largest assessment,
// every text field filled to its limit, stays well below them; anything
// above is refused before excelize expands it.
const (
	MaxSize         = 2 << 20  // bytes of the uploaded file
	MaxEntries      = 64       // files inside the zip
	MaxUncompressed = 24 << 20 // bytes of all files inside the zip, unpacked
	maxRatio        = 200      // unpacked size of an entry over its packed size
)

// Format names the layout of the hidden sheet, so a later layout can still
// recognise (and refuse with a clear message) workbooks of this one.
const Format = "mnr-workbook-1"

// metaSheet is the hidden sheet with keys, versions and the signature.
const metaSheet = "mnr"

// Target is what a workbook holds: an assessment, or one agency's
// contribution to it (ContributionID > 0).
type Target struct {
	AssessmentID   int64
	ContributionID int64
}

// Contribution reports whether the target is an agency's contribution.
func (t Target) Contribution() bool { return t.ContributionID > 0 }

func (t Target) String() string {
	if t.Contribution() {
		return "contribution " + strconv.FormatInt(t.ContributionID, 10)
	}
	return "assessment " + strconv.FormatInt(t.AssessmentID, 10)
}

// Source is what a workbook is written from: the assessment read with its
// framework (for a contribution, the agency's answers scoped to the
// capabilities asked) and who it is for.
type Source struct {
	Detail *assessment.Detail
	Target Target
	Lang   string
	// Judgements: the workbook carries each capability's phases (the
	// national assessment's; a contribution has none of its own).
	Judgements bool
}

// columns of a questionnaire sheet.
const (
	colNumber     = "A"
	colCapability = "B"
	colText       = "C"
	colPhase      = "D"
	colAnswer     = "E"
	colEvidence   = "F"
	colNote       = "G"
)
