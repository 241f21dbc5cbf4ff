package backup

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/store"
)

// filePrefix and fileSuffix frame scheduled backups' names, so rotation
// only ever deletes files this package wrote.
const (
	filePrefix = "mnr-backup-"
	fileSuffix = ".tar.gz"
)

// Scheduled writes a timestamped backup into dir and then keeps only the
// newest keep scheduled backups there (keep <= 0 keeps all).
func Scheduled(ctx context.Context, db *store.Store, dir string, keep int, appVersion string, now time.Time) (string, Manifest, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return "", Manifest{}, fmt.Errorf("backup folder: %w", err)
	}
	out := filepath.Join(dir, filePrefix+now.UTC().Format("20060102T150405Z")+fileSuffix)
	m, err := Create(ctx, db, out, appVersion)
	if err != nil {
		return "", m, err
	}
	return out, m, Rotate(dir, keep)
}

// Rotate deletes the oldest scheduled backups in dir beyond keep.
func Rotate(dir string, keep int) error {
	if keep <= 0 {
		return nil
	}
	names, err := filepath.Glob(filepath.Join(dir, filePrefix+"*"+fileSuffix))
	if err != nil {
		return err
	}
	sort.Strings(names) // the timestamp in the name sorts oldest first
	for len(names) > keep {
		if !strings.HasPrefix(filepath.Base(names[0]), filePrefix) {
			break
		}
		if err := os.Remove(names[0]); err != nil {
			return fmt.Errorf("rotate backups: %w", err)
		}
		names = names[1:]
	}
	return nil
}
