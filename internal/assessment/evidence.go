package assessment

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// MaxEvidenceSize is the largest evidence file accepted: a decree, a report
// or a scanned register fits; a video does not.
const MaxEvidenceSize = 20 << 20

// DefaultEvidenceQuota is how many bytes of files an organisation may keep
// unless the server is configured otherwise (each distinct file counted once).
const DefaultEvidenceQuota = 2 << 30

// MaxEvidenceSizeText names MaxEvidenceSize in messages.
const MaxEvidenceSizeText = "20 MB"

// EvidenceFile is one version of a document attached to an indicator of an
// assessment (ContributionID nil) or of an agency's contribution. Replacing
// a file adds a version to its series; removing one removes every version
// and its bytes, while the row stays for the history.
type EvidenceFile struct {
	ID             int64
	OrganisationID int64
	AssessmentID   int64
	ContributionID *int64
	ActionID       *int64 // set on a plan action's file (no indicator)
	IndicatorKey   string
	SeriesID       int64 // the first version's id
	Version        int
	Title          string
	Date           *time.Time // the document's own date, when given
	Filename       string
	ContentType    string
	Size           int64
	SHA256         string // hex
	CreatedBy      string
	CreatedAt      time.Time
	Superseded     bool // a later version replaced it
	Removed        bool
	// CarriedFrom is the file of the previous cycle this one continues.
	CarriedFrom *int64
}

// Current reports whether the file is the version people see and use.
func (f EvidenceFile) Current() bool { return !f.Superseded && !f.Removed }

// EvidenceInput is what someone sends with a file: its name as their
// computer knows it, a title and an optional date (YYYY-MM-DD).
type EvidenceInput struct {
	Filename string
	Title    string
	Date     string
}

// EvidenceMeta is a checked EvidenceInput.
type EvidenceMeta struct {
	Filename string
	Title    string
	Date     *time.Time
}

// Validate checks the name, title and date. A name is only a name: path
// separators, control and direction characters are refused, so it can go
// into a download header or a zip entry as it is. An empty title becomes
// the file's name.
func (in EvidenceInput) Validate() (EvidenceMeta, error) {
	name := in.Filename
	switch {
	case strings.TrimSpace(name) == "":
		return EvidenceMeta{}, FieldError("file", "choose a file to upload")
	case !utf8.ValidString(name):
		return EvidenceMeta{}, FieldError("file", "the file's name is not valid text; rename the file and upload it again")
	case strings.ContainsAny(name, `/\`) || name == "." || name == "..":
		return EvidenceMeta{}, FieldError("file", "the file's name may not contain / or \\; rename the file and upload it again")
	case utf8.RuneCountInString(name) > 200:
		return EvidenceMeta{}, FieldError("file", "the file's name is longer than 200 characters; rename the file and upload it again")
	}
	for _, r := range name {
		if unicode.IsControl(r) || isDirectionControl(r) || r == 0x200E || r == 0x200F {
			return EvidenceMeta{}, FieldError("file", "the file's name contains the invisible character %U; rename the file and upload it again", r)
		}
	}
	title := strings.TrimSpace(in.Title)
	if title == "" {
		title = name
	}
	if err := CheckLine("title", title); err != nil {
		return EvidenceMeta{}, err
	}
	if utf8.RuneCountInString(title) > 200 {
		return EvidenceMeta{}, FieldError("title", "the title is longer than 200 characters")
	}
	out := EvidenceMeta{Filename: name, Title: title}
	if d := strings.TrimSpace(in.Date); d != "" {
		t, err := time.Parse(time.DateOnly, d)
		if err != nil || t.Year() < 1900 {
			return EvidenceMeta{}, FieldError("date", "must be a date such as 2026-03-31")
		}
		out.Date = &t
	}
	return out, nil
}

// SizeText writes a byte count for people: "20 MB", "1.5 GB", "300 KB".
func SizeText(n int64) string {
	switch {
	case n >= 1<<30:
		return trimZero(fmt.Sprintf("%.1f", float64(n)/(1<<30))) + " GB"
	case n >= 1<<20:
		return trimZero(fmt.Sprintf("%.1f", float64(n)/(1<<20))) + " MB"
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+512)>>10)
	}
	return fmt.Sprintf("%d B", n)
}

func trimZero(s string) string { return strings.TrimSuffix(s, ".0") }

// ErrEvidenceTooLarge is the 413 of a file over MaxEvidenceSize.
func ErrEvidenceTooLarge() *Error {
	return Errorf(ETOOLARGE, "the file is larger than the limit of %s", MaxEvidenceSizeText)
}
