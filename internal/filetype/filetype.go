// Package filetype decides what an uploaded file is from its bytes, never
// from its name, and whether evidence of that type is accepted: PDF, Office
// and OpenDocument files, common images and plain text. Executables, HTML,
// scripts, SVG and macro-enabled Office files are refused, because a file
// served back to a reader must never run in their browser or on their
// computer.
package filetype

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"net/http"
	"strings"
)

// ErrRefused says the content is not an accepted kind of document.
var ErrRefused = errors.New("this kind of file is not accepted")

// simple maps what http.DetectContentType finds to the stored type.
var simple = map[string]string{
	"application/pdf":              "application/pdf",
	"image/png":                    "image/png",
	"image/jpeg":                   "image/jpeg",
	"image/gif":                    "image/gif",
	"image/webp":                   "image/webp",
	"text/plain; charset=utf-8":    "text/plain; charset=utf-8",
	"text/plain; charset=utf-16be": "text/plain; charset=utf-16be",
	"text/plain; charset=utf-16le": "text/plain; charset=utf-16le",
}

// openDocument lists the OpenDocument types accepted, as named by the
// package's first entry, "mimetype".
var openDocument = map[string]bool{
	"application/vnd.oasis.opendocument.text":         true,
	"application/vnd.oasis.opendocument.spreadsheet":  true,
	"application/vnd.oasis.opendocument.presentation": true,
}

// officeParts names each Office Open XML type by the part it must hold.
var officeParts = []struct{ part, typ string }{
	{"word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
	{"xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
	{"ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
}

// Detect returns the stored content type of the size bytes readable at r,
// or ErrRefused. It reads the first 512 bytes and, for a zip package, its
// directory and at most one small entry: never the whole file.
func Detect(r io.ReaderAt, size int64) (string, error) {
	head := make([]byte, 512)
	n, err := r.ReadAt(head, 0)
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	head = head[:n]
	if bytes.HasPrefix(head, []byte("#!")) {
		return "", ErrRefused // a script, whatever it is called
	}
	found := http.DetectContentType(head)
	if t, ok := simple[found]; ok {
		return t, nil
	}
	if found == "application/zip" {
		return packageType(r, size)
	}
	return "", ErrRefused
}

// packageType tells an OpenDocument or Office Open XML file from any other
// zip archive. Macro-enabled documents (a vbaProject part) are refused.
func packageType(r io.ReaderAt, size int64) (string, error) {
	z, err := zip.NewReader(r, size)
	if err != nil {
		return "", ErrRefused
	}
	if len(z.File) > 0 && z.File[0].Name == "mimetype" {
		f, err := z.File[0].Open()
		if err != nil {
			return "", ErrRefused
		}
		defer f.Close()
		b, _ := io.ReadAll(io.LimitReader(f, 100))
		if t := strings.TrimSpace(string(b)); openDocument[t] {
			return t, nil
		}
		return "", ErrRefused
	}
	names := map[string]bool{}
	for _, f := range z.File {
		if strings.Contains(strings.ToLower(f.Name), "vbaproject") {
			return "", ErrRefused
		}
		names[f.Name] = true
	}
	if !names["[Content_Types].xml"] {
		return "", ErrRefused
	}
	for _, p := range officeParts {
		if names[p.part] {
			return p.typ, nil
		}
	}
	return "", ErrRefused
}

// Extension is the usual file name ending of a stored type, for names in
// the evidence bundle.
func Extension(contentType string) string {
	switch {
	case contentType == "application/pdf":
		return ".pdf"
	case strings.HasPrefix(contentType, "text/plain"):
		return ".txt"
	case strings.HasPrefix(contentType, "image/"):
		return "." + strings.TrimPrefix(strings.TrimPrefix(contentType, "image/"), "x-")
	case strings.HasSuffix(contentType, "wordprocessingml.document"):
		return ".docx"
	case strings.HasSuffix(contentType, "spreadsheetml.sheet"):
		return ".xlsx"
	case strings.HasSuffix(contentType, "presentationml.presentation"):
		return ".pptx"
	case strings.HasPrefix(contentType, "application/vnd.oasis.opendocument."):
		return map[string]string{"text": ".odt", "spreadsheet": ".ods", "presentation": ".odp"}[strings.TrimPrefix(contentType, "application/vnd.oasis.opendocument.")]
	}
	return ""
}

// Label is a short, language-neutral name of a stored type for lists:
// PDF, DOCX, XLSX, PNG, TXT…
func Label(contentType string) string {
	return strings.ToUpper(strings.TrimPrefix(Extension(contentType), "."))
}
