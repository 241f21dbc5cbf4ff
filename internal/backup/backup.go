// Package backup makes and restores backups of a SQLite installation: a
// consistent snapshot of the running database, checked with integrity_check,
// packed with a manifest into a gzip-compressed tar file (compress/gzip from
// Go's standard library), and restored into a stopped installation by an
// atomic replace. PostgreSQL installations use pg_dump and pg_restore.
package backup

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/store"
)

// App identifies this application's backups in their manifest.
const App = "mnr-self-assessment"

// Format is the version of the archive layout.
const Format = 1

// Entry names inside the archive, in this order.
const (
	manifestName = "manifest.json"
	databaseName = "mnr.db"
)

// Manifest is the first entry of every backup: what it is and how to check it.
type Manifest struct {
	App           string    `json:"app"`
	Format        int       `json:"format"`
	SchemaVersion int64     `json:"schema_version"` // goose version of the database
	CreatedAt     time.Time `json:"created_at"`
	AppVersion    string    `json:"app_version"`
	DatabaseBytes int64     `json:"database_bytes"`
	SHA256        string    `json:"sha256"` // of the database file
}

// Create writes a backup of the running database to out. It snapshots the
// database beside out (VACUUM INTO), verifies the snapshot, and writes
// out atomically: a temporary file, fsync, rename, fsync of the folder.
func Create(ctx context.Context, db *store.Store, out, appVersion string) (Manifest, error) {
	if db.Dialect() != "sqlite" {
		return Manifest{}, store.ErrNotSQLite
	}
	dir := filepath.Dir(out)
	work, err := os.MkdirTemp(dir, ".mnr-backup-")
	if err != nil {
		return Manifest{}, fmt.Errorf("backup: %w", err)
	}
	defer os.RemoveAll(work)
	snap := filepath.Join(work, databaseName)
	started := time.Now().UTC()
	if err := db.SnapshotTo(ctx, snap); err != nil {
		return Manifest{}, fmt.Errorf("backup: %w", err)
	}
	info, err := store.InspectSQLite(ctx, snap)
	if err != nil {
		return Manifest{}, fmt.Errorf("backup: the snapshot failed its check: %w", err)
	}
	sum, size, err := fileSHA256(snap)
	if err != nil {
		return Manifest{}, fmt.Errorf("backup: %w", err)
	}
	m := Manifest{App: App, Format: Format, SchemaVersion: info.SchemaVersion, CreatedAt: started,
		AppVersion: appVersion, DatabaseBytes: size, SHA256: sum}
	tmp := filepath.Join(work, "backup.tar.gz")
	if err := writeArchive(tmp, m, snap); err != nil {
		return Manifest{}, fmt.Errorf("backup: %w", err)
	}
	if err := os.Rename(tmp, out); err != nil {
		return Manifest{}, fmt.Errorf("backup: %w", err)
	}
	return m, syncDir(dir)
}

func writeArchive(path string, m Manifest, db string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	zw := gzip.NewWriter(f)
	tw := tar.NewWriter(zw)
	manifest, _ := json.MarshalIndent(m, "", "  ")
	hdr := &tar.Header{Name: manifestName, Mode: 0o600, Size: int64(len(manifest)), ModTime: m.CreatedAt}
	if err := tw.WriteHeader(hdr); err != nil {
		return err
	}
	if _, err := tw.Write(manifest); err != nil {
		return err
	}
	src, err := os.Open(db)
	if err != nil {
		return err
	}
	defer src.Close()
	hdr = &tar.Header{Name: databaseName, Mode: 0o600, Size: m.DatabaseBytes, ModTime: m.CreatedAt}
	if err := tw.WriteHeader(hdr); err != nil {
		return err
	}
	if _, err := io.Copy(tw, src); err != nil {
		return err
	}
	if err := tw.Close(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	return f.Close()
}

func fileSHA256(path string) (string, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	return hex.EncodeToString(h.Sum(nil)), n, err
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}
