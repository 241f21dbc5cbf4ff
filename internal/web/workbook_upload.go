package web

import (
	"fmt"
	"io"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/workbook"
)

// workbookBodyLimit bounds a workbook upload request: the file (at most
// workbook.MaxSize) or, on the confirmation, the same file base64-encoded
// in a form field, with room for the rest of the form.
const workbookBodyLimit = "4M"

// workbookBody reports whether the request is a workbook upload, which has
// its own, larger body limit (workbookBodyLimit) instead of the server's.
func workbookBody(c echo.Context) bool {
	r := c.Request()
	return r.Method == "POST" && strings.HasSuffix(r.URL.Path, "/workbook")
}

// readUpload reads the uploaded file of the form field "file", refusing it
// before reading when it is larger than a workbook may be.
func readUpload(c echo.Context) ([]byte, error) {
	fh, err := c.FormFile("file")
	if err != nil {
		if bodyTooLarge(c) {
			return nil, workbook.CheckSize(workbook.MaxSize + 1)
		}
		return nil, assessment.FieldError("file", "Choose the workbook file to upload.")
	}
	if err := workbook.CheckSize(fh.Size); err != nil {
		return nil, err
	}
	f, err := fh.Open()
	if err != nil {
		return nil, fmt.Errorf("open upload: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, workbook.MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("read upload: %w", err)
	}
	return data, workbook.CheckSize(int64(len(data)))
}
