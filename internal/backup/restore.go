package backup

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/mnr-self-assessment/mnr/internal/store"
)

// ErrRunning means a server or another command has the database open.
var ErrRunning = errors.New("the installation is running: a server or command has this database open; stop it (the lock file is held) and restore again")

// ErrForeign means the file is not a backup made by this application.
var ErrForeign = errors.New("not a backup of MNR Self-Assessment")

// Restored says what a restore did.
type Restored struct {
	Manifest
	Previous string // the database it replaced, kept under this name ("" when there was none)
}

// Restore replaces the database at dbPath with the backup in, for a
// stopped installation. It refuses while any process has the database
// open (the shared lock every open takes), a file that is not this
// application's backup, and a backup with a newer schema than this binary.
// The database is written beside the target, checked, synced and renamed
// over it; the old file stays as dbPath+".before-restore" (with its
// write-ahead log, if one was left), and stale -wal and -shm files are
// removed so SQLite cannot replay them onto the restored file.
func Restore(ctx context.Context, in, dbPath string) (Restored, error) {
	if err := os.MkdirAll(filepath.Dir(dbPath), 0o750); err != nil {
		return Restored{}, fmt.Errorf("restore: %w", err)
	}
	release, err := store.LockExclusive(dbPath)
	if errors.Is(err, store.ErrInUse) {
		return Restored{}, ErrRunning
	}
	if err != nil {
		return Restored{}, fmt.Errorf("restore: %w", err)
	}
	defer release()

	f, err := os.Open(in)
	if err != nil {
		return Restored{}, fmt.Errorf("restore: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return Restored{}, fmt.Errorf("%s: %w (it is not gzip-compressed)", in, ErrForeign)
	}
	tr := tar.NewReader(zr)
	m, err := readManifest(tr)
	if err != nil {
		return Restored{}, fmt.Errorf("%s: %w", in, err)
	}
	latest, err := store.LatestSchemaVersion("sqlite")
	if err != nil {
		return Restored{}, err
	}
	if m.SchemaVersion > latest {
		return Restored{}, fmt.Errorf("%s has schema version %d, newer than this program's %d: restore it with the version of mnr that made it (%s) or a later one",
			in, m.SchemaVersion, latest, m.AppVersion)
	}
	tmp := dbPath + ".restore-tmp"
	os.Remove(tmp)
	if err := extractDatabase(tr, m, tmp); err != nil {
		os.Remove(tmp)
		return Restored{}, fmt.Errorf("restore %s: %w", in, err)
	}
	info, err := store.InspectSQLite(ctx, tmp)
	if err == nil && info.SchemaVersion != m.SchemaVersion {
		err = fmt.Errorf("the database has schema version %d but the manifest says %d", info.SchemaVersion, m.SchemaVersion)
	}
	if err != nil {
		os.Remove(tmp)
		return Restored{}, fmt.Errorf("restore %s: %w", in, err)
	}
	out := Restored{Manifest: m}
	if out.Previous, err = keepPrevious(dbPath); err != nil {
		os.Remove(tmp)
		return Restored{}, fmt.Errorf("restore: keep the current database: %w", err)
	}
	for _, stale := range []string{dbPath + "-wal", dbPath + "-shm", dbPath + "-journal"} {
		if err := os.Remove(stale); err != nil && !os.IsNotExist(err) {
			return Restored{}, fmt.Errorf("restore: %w", err)
		}
	}
	if err := os.Rename(tmp, dbPath); err != nil {
		return Restored{}, fmt.Errorf("restore: %w", err)
	}
	return out, syncDir(filepath.Dir(dbPath))
}

func readManifest(tr *tar.Reader) (Manifest, error) {
	hdr, err := tr.Next()
	if err != nil || hdr.Name != manifestName || hdr.Size > 1<<20 {
		return Manifest{}, fmt.Errorf("%w (no manifest)", ErrForeign)
	}
	var m Manifest
	if err := json.NewDecoder(io.LimitReader(tr, hdr.Size)).Decode(&m); err != nil || m.App != App {
		return Manifest{}, fmt.Errorf("%w (its manifest does not name this application)", ErrForeign)
	}
	if m.Format != Format {
		return Manifest{}, fmt.Errorf("backup format %d is not supported by this version (it reads format %d)", m.Format, Format)
	}
	return m, nil
}

// extractDatabase writes the archive's database to path and checks its
// size and checksum against the manifest before syncing it to disk.
func extractDatabase(tr *tar.Reader, m Manifest, path string) error {
	hdr, err := tr.Next()
	if err != nil || hdr.Name != databaseName {
		return fmt.Errorf("%w (no database in it)", ErrForeign)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o640)
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(f, h), tr)
	if err != nil {
		return fmt.Errorf("the archive is damaged: %w", err)
	}
	if n != m.DatabaseBytes || hex.EncodeToString(h.Sum(nil)) != m.SHA256 {
		return errors.New("the archive is damaged: the database does not match its manifest's size and checksum")
	}
	if err := f.Sync(); err != nil {
		return err
	}
	return f.Close()
}

// keepPrevious hard-links the current database (and moves a leftover
// write-ahead log) to dbPath+".before-restore", so a wrong restore can be
// undone; it returns "" when there is no current database.
func keepPrevious(dbPath string) (string, error) {
	if _, err := os.Stat(dbPath); os.IsNotExist(err) {
		return "", nil
	}
	prev := dbPath + ".before-restore"
	for _, p := range []string{prev, prev + "-wal", prev + "-shm"} {
		if err := os.Remove(p); err != nil && !os.IsNotExist(err) {
			return "", err
		}
	}
	if err := os.Link(dbPath, prev); err != nil {
		return "", err
	}
	if st, err := os.Stat(dbPath + "-wal"); err == nil && st.Size() > 0 {
		if err := os.Rename(dbPath+"-wal", prev+"-wal"); err != nil {
			return "", err
		}
	}
	return prev, nil
}
