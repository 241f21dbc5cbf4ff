package backup_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/backup"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// open opens and migrates a SQLite store at path.
func open(t *testing.T, path string) *store.Store {
	t.Helper()
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

func newAssessment(t *testing.T, s *store.Store) assessment.Assessment {
	t.Helper()
	ctx := context.Background()
	fw, _ := framework.Default()
	o, err := s.CreateOrganisation(ctx, assessment.System, assessment.Organisation{Name: "Org", Kind: assessment.KindNGO, Country: "JO"})
	if err != nil {
		t.Fatal(err)
	}
	in := assessment.AssessmentInput{OrganisationID: o.ID, Title: "T", Period: "2026", Scope: []string{"leadership"}}
	a, _ := in.Validate(fw)
	if a, err = s.CreateAssessment(ctx, assessment.System, fw, a); err != nil {
		t.Fatal(err)
	}
	return a
}

func answerVersion(t *testing.T, s *store.Store, id int64, key string) int {
	t.Helper()
	_, _, _, answers, err := s.AssessmentContent(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	for _, an := range answers {
		if an.IndicatorKey == key {
			return an.Version
		}
	}
	t.Fatalf("no answer %s", key)
	return 0
}

// TestBackupDuringSavesHoldsEveryAcknowledgedSave takes a backup while a
// writer saves one answer after another: the restored database holds every
// save acknowledged before the backup started and passes integrity_check.
func TestBackupDuringSavesHoldsEveryAcknowledgedSave(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	live := filepath.Join(dir, "live", "mnr.db")
	s := open(t, live)
	defer s.Close()
	a := newAssessment(t, s)

	var acked atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for v := 0; ; v++ {
			select {
			case <-stop:
				return
			default:
			}
			_, err := s.SaveAnswer(ctx, assessment.System, assessment.Answer{AssessmentID: a.ID, IndicatorKey: "leadership-1",
				Value: assessment.Yes, Note: strings.Repeat("n", v%50), Version: v})
			if err != nil {
				t.Errorf("save %d: %v", v, err)
				return
			}
			acked.Store(int64(v + 1))
		}
	}()
	for acked.Load() < 30 {
		time.Sleep(5 * time.Millisecond)
	}
	before := acked.Load()
	out := filepath.Join(dir, "backups", "b.tar.gz")
	os.MkdirAll(filepath.Dir(out), 0o750)
	m, err := backup.Create(ctx, s, out, "test")
	if err != nil {
		t.Fatal(err)
	}
	for acked.Load() < before+30 {
		time.Sleep(5 * time.Millisecond)
	}
	close(stop)
	wg.Wait()
	if m.App != backup.App || m.SchemaVersion == 0 || m.DatabaseBytes == 0 || len(m.SHA256) != 64 {
		t.Fatalf("manifest = %+v", m)
	}

	target := filepath.Join(dir, "restored", "mnr.db")
	r, err := backup.Restore(ctx, out, target)
	if err != nil {
		t.Fatal(err)
	}
	if r.Previous != "" {
		t.Errorf("restore into an empty folder kept %q", r.Previous)
	}
	if _, err := store.InspectSQLite(ctx, target); err != nil {
		t.Fatalf("restored database: %v", err)
	}
	rs := open(t, target)
	defer rs.Close()
	got := answerVersion(t, rs, a.ID, "leadership-1")
	if int64(got) < before {
		t.Fatalf("restored answer is at version %d, but %d saves were acknowledged before the backup started", got, before)
	}
	if final := answerVersion(t, s, a.ID, "leadership-1"); got >= final {
		t.Errorf("restored version %d, live %d: the saves made after the backup should not be in it", got, final)
	}
	t.Logf("acknowledged before backup: %d, in backup: %d, total saves: %d", before, got, acked.Load())
}

// TestRestoreRefuses: a running installation, a foreign file, and a
// backup from a newer schema are refused, and the database is untouched.
func TestRestoreRefuses(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	live := filepath.Join(dir, "mnr.db")
	s := open(t, live)
	newAssessment(t, s)
	out := filepath.Join(dir, "b.tar.gz")
	if _, err := backup.Create(ctx, s, out, "test"); err != nil {
		t.Fatal(err)
	}
	if _, err := backup.Restore(ctx, out, live); !errors.Is(err, backup.ErrRunning) {
		t.Fatalf("restore over an open database: %v", err)
	}
	s.Close()

	foreign := map[string][]byte{"text.txt": []byte("hello"), "plain.db": mustRead(t, live)}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("not a tar"))
	zw.Close()
	foreign["other.gz"] = gz.Bytes()
	for name, data := range foreign {
		p := filepath.Join(dir, name)
		os.WriteFile(p, data, 0o600)
		if _, err := backup.Restore(ctx, p, live); !errors.Is(err, backup.ErrForeign) {
			t.Errorf("restore of %s: %v", name, err)
		}
	}
	newer := filepath.Join(dir, "newer.tar.gz")
	backup.WriteArchiveForTest(t, newer, out, 999)
	if _, err := backup.Restore(ctx, newer, live); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("restore of a newer schema: %v", err)
	}
	if _, err := os.Stat(live + ".before-restore"); !os.IsNotExist(err) {
		t.Errorf("a refused restore touched the database: %v", err)
	}
	// And a good one replaces the stopped installation, keeping the old file.
	r, err := backup.Restore(ctx, out, live)
	if err != nil || r.Previous != live+".before-restore" {
		t.Fatalf("restore: %+v %v", r, err)
	}
	for _, stale := range []string{live + "-wal", live + "-shm", live + ".restore-tmp"} {
		if _, err := os.Stat(stale); !os.IsNotExist(err) {
			t.Errorf("%s left behind", stale)
		}
	}
}

func mustRead(t *testing.T, p string) []byte {
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestRotateKeepsNewest(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"mnr-backup-20260101T000000Z.tar.gz", "mnr-backup-20260102T000000Z.tar.gz", "mnr-backup-20260103T000000Z.tar.gz", "other.tar.gz"} {
		os.WriteFile(filepath.Join(dir, n), nil, 0o600)
	}
	if err := backup.Rotate(dir, 2); err != nil {
		t.Fatal(err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(left) != 3 || filepath.Base(left[0]) != "mnr-backup-20260102T000000Z.tar.gz" {
		t.Errorf("left %v", left)
	}
}
