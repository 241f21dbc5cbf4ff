package web_test

import (
	"archive/zip"
	"bytes"
	"testing"
)

// zipBomb is a small file that would unpack to 40 MB of zeros.
func zipBomb(t testing.TB) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	w, _ := z.Create("xl/workbook.xml")
	w.Write([]byte("<workbook/>"))
	w, _ = z.Create("xl/worksheets/sheet1.xml")
	zeros := make([]byte, 1<<20)
	for i := 0; i < 40; i++ {
		w.Write(zeros)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
