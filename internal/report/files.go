package report

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/filetype"
	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// FileEntry is one evidence file as the report lists it: what it is and
// the hash that proves which document it was, never its content.
type FileEntry struct {
	ID              int64
	IndicatorKey    string
	IndicatorNumber string // "1.2"
	Indicator       string // the indicator's text in the report's language
	Title           string
	Filename        string
	ContentType     string
	Type            string // PDF, DOCX, PNG…
	Size            int64
	SizeText        string
	Date            *time.Time
	SHA256          string
	UploadedBy      string
	UploadedAt      time.Time
	// ActionID and Action (its title) are set on a plan action's file,
	// which has no indicator (AddActionFiles).
	ActionID int64
	Action   string
}

// fileEntry is what the report says of every file, an indicator's or an
// action's.
func fileEntry(f assessment.EvidenceFile) FileEntry {
	return FileEntry{ID: f.ID, IndicatorKey: f.IndicatorKey, Title: f.Title, Filename: f.Filename, ContentType: f.ContentType,
		Type: filetype.Label(f.ContentType), Size: f.Size, SizeText: assessment.SizeText(f.Size), Date: f.Date, SHA256: f.SHA256,
		UploadedBy: f.CreatedBy, UploadedAt: f.CreatedAt}
}

// AddFiles lists the assessment's current evidence files in the report, in
// the order of its indicators.
func (r *Report) AddFiles(fw *framework.Framework, files []assessment.EvidenceFile) {
	order := map[string]int{}
	for i, c := range r.Capabilities {
		for j, l := range c.Indicators {
			order[l.Key] = i*1000 + j
		}
	}
	r.Files = r.Files[:0]
	for _, f := range files {
		e := fileEntry(f)
		if ind := fw.Indicator(f.IndicatorKey); ind != nil {
			e.IndicatorNumber, e.Indicator = assessment.IndicatorNumber(ind), ind.Text.In(r.Lang)
		}
		r.Files = append(r.Files, e)
	}
	rank := func(key string) int { // enablers' indicators after the capabilities'
		if n, ok := order[key]; ok {
			return n
		}
		return 1 << 30
	}
	sort.SliceStable(r.Files, func(i, j int) bool { return rank(r.Files[i].IndicatorKey) < rank(r.Files[j].IndicatorKey) })
}

// filesCell lists an indicator's files in one cell of the answers table.
func (r *Report) filesCell(key string) string {
	var parts []string
	for _, f := range r.Files {
		if f.IndicatorKey == key && f.ActionID == 0 {
			parts = append(parts, fileText(f))
		}
	}
	return joinCell(parts)
}

// fileText is one file in a cell: title, type, size, date and hash.
func fileText(f FileEntry) string {
	return fmt.Sprintf("%s (%s, %s, %s, sha256 %s)", f.Title, f.Type, f.SizeText, dateText(f.Date), f.SHA256)
}

func joinCell(parts []string) string { return strings.Join(parts, LinkSeparator) }

func dateText(d *time.Time) string {
	if d == nil {
		return ""
	}
	return d.Format(time.DateOnly)
}

// FileJSON is an evidence file in the JSON export.
type FileJSON struct {
	ID          int64     `json:"id"`
	Indicator   string    `json:"indicator"`
	Title       string    `json:"title"`
	Filename    string    `json:"filename"`
	ContentType string    `json:"content_type"`
	Size        int64     `json:"size"`
	Date        *string   `json:"date"`
	SHA256      string    `json:"sha256"`
	UploadedBy  string    `json:"uploaded_by"`
	UploadedAt  time.Time `json:"uploaded_at"`
	ActionID    int64     `json:"action_id,omitempty"` // a plan action's file ("indicator" is empty)
	Action      string    `json:"action,omitempty"`
}

func (r *Report) filesJSON() []FileJSON {
	out := []FileJSON{}
	for _, f := range r.Files {
		j := FileJSON{ID: f.ID, Indicator: f.IndicatorKey, Title: f.Title, Filename: f.Filename, ContentType: f.ContentType,
			Size: f.Size, SHA256: f.SHA256, UploadedBy: f.UploadedBy, UploadedAt: f.UploadedAt, ActionID: f.ActionID, Action: f.Action}
		if f.Date != nil {
			d := dateText(f.Date)
			j.Date = &d
		}
		out = append(out, j)
	}
	return out
}

// SheetFiles is the workbook's list of evidence files.
const SheetFiles = "Evidence files"

var fileColumns = []string{"Indicator number", "Indicator key", "Title", "File name", "Type", "Size (bytes)", "Date", "SHA-256", "Uploaded by", "Uploaded at", "Action id", "Action"}

// files writes the evidence files sheet, one row per file.
func (x *xlsx) files(r *Report) {
	if _, err := x.f.NewSheet(SheetFiles); err != nil {
		x.do(err)
		return
	}
	rows := [][]any{}
	for _, f := range r.Files {
		var action any
		if f.ActionID != 0 {
			action = int(f.ActionID)
		}
		rows = append(rows, []any{f.IndicatorNumber, f.IndicatorKey, f.Title, f.Filename, f.Type, int(f.Size), dateText(f.Date), f.SHA256, f.UploadedBy, timeText(f.UploadedAt),
			action, f.Action})
	}
	x.table(SheetFiles, 1, fileColumns, rows)
	x.freezeHeader(SheetFiles)
	x.widths(SheetFiles, 9, 22, 40, 30, 8, 12, 12, 66, 22, 22, 9, 40)
}
