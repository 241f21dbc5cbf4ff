package upload

import (
	"fmt"
	"io"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
	"github.com/mnr-self-assessment/mnr/internal/workbook"
)

// Workbook reads the uploaded file of the form field "file", refusing it
// before reading when it is larger than a workbook may be.
func Workbook(c echo.Context) ([]byte, error) {
	fh, err := c.FormFile("file")
	if err != nil {
		if httpx.BodyTooLarge(c) {
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
