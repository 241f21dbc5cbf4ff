package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// open checks the file's size and its zip directory before excelize sees
// it: a file that is not a zip, holds too many entries or would unpack to
// more than MaxUncompressed (a zip bomb) is refused without unpacking
// anything. The declared sizes can be trusted as bounds: archive/zip fails
// a read that yields more bytes than its entry declares.
func open(data []byte) (*excelize.File, error) {
	if len(data) == 0 {
		return nil, assessment.FieldError("file", "The file is empty. Choose the workbook you filled in.")
	}
	if err := CheckSize(int64(len(data))); err != nil {
		return nil, err
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, notXLSX()
	}
	if len(z.File) > MaxEntries {
		return nil, assessment.FieldError("file", "The file holds %d parts, far more than a workbook from this application, so it was not opened.", len(z.File))
	}
	var total uint64
	hasWorkbook := false
	for _, f := range z.File {
		total += f.UncompressedSize64
		if f.CompressedSize64 > 0 && f.UncompressedSize64/f.CompressedSize64 > maxRatio && f.UncompressedSize64 > 1<<20 {
			return nil, bomb()
		}
		if f.Name == "xl/workbook.xml" {
			hasWorkbook = true
		}
	}
	if total > MaxUncompressed {
		return nil, bomb()
	}
	if !hasWorkbook {
		return nil, notXLSX()
	}
	x, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: MaxUncompressed, UnzipXMLSizeLimit: MaxUncompressed})
	if err != nil {
		return nil, fmt.Errorf("%w (%v)", notXLSX(), err)
	}
	return x, nil
}

// CheckSize refuses a file over MaxSize, before it is read.
func CheckSize(n int64) error {
	if n > MaxSize {
		e := assessment.Errorf(assessment.ETOOLARGE, "The file is %d KB; a workbook may be at most %d KB.", (n+1023)>>10, MaxSize>>10)
		e.Field = "file"
		return e
	}
	return nil
}

func notXLSX() *assessment.Error {
	return assessment.FieldError("file", "The file is not an Excel workbook (.xlsx). Download the workbook again and fill it in without saving it in another format.")
}

func bomb() *assessment.Error {
	return assessment.FieldError("file", "The file would unpack to more than %d MB, far more than any workbook from this application, so it was not opened.", MaxUncompressed>>20)
}
