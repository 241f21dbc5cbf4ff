package backup

import (
	"archive/tar"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// WriteArchiveForTest rewrites the backup src into dst with its manifest's
// schema version set to schema.
func WriteArchiveForTest(t *testing.T, dst, src string, schema int64) {
	f, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, _ := gzip.NewReader(f)
	tr := tar.NewReader(zr)
	tr.Next()
	var m Manifest
	json.NewDecoder(tr).Decode(&m)
	tr.Next()
	db := filepath.Join(t.TempDir(), "db")
	out, _ := os.Create(db)
	io.Copy(out, tr)
	out.Close()
	m.SchemaVersion = schema
	if err := writeArchive(dst, m, db); err != nil {
		t.Fatal(err)
	}
}
