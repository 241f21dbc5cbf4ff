package report

import "io"

// Format is a data export of a report: its writer and content type.
type Format struct {
	Write func(io.Writer, *Report) error
	MIME  string
}

// Formats are the data exports by file extension. They are always
// complete: the annex of every answer stays in them (the PDF is printed
// from the report page instead).
var Formats = map[string]Format{
	"csv":  {WriteCSV, "text/csv; charset=utf-8"},
	"xlsx": {WriteXLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
	"json": {WriteJSON, "application/json"},
}
