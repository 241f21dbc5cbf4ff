package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/auth"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// seed creates an organisation, an assessment of one capability and a
// coordinator with an API token; it returns the assessment id and token.
func seed(t *testing.T, db string) (int64, string) {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	fw, _ := framework.Default()
	o, err := s.CreateOrganisation(ctx, assessment.System, assessment.Organisation{Name: "Council", Kind: assessment.KindCoordinating, Country: "XB"})
	if err != nil {
		t.Fatal(err)
	}
	u, err := s.CreateUser(ctx, assessment.System, assessment.User{Email: "amira.haddad@example.org", Name: "Amira Haddad", PasswordHash: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddMembership(ctx, assessment.System, assessment.Membership{UserID: u.ID, OrganisationID: o.ID, Role: assessment.RoleCoordinator}); err != nil {
		t.Fatal(err)
	}
	in := assessment.AssessmentInput{OrganisationID: o.ID, Title: "T", Period: "2026", Scope: []string{"leadership"}}
	a, _ := in.Validate(fw)
	if a, err = s.CreateAssessment(ctx, assessment.System, fw, a); err != nil {
		t.Fatal(err)
	}
	tok, hash := auth.NewToken()
	if _, err := s.CreateToken(ctx, assessment.System, assessment.Token{UserID: u.ID, Name: "t", Hash: hash, ExpiresAt: time.Now().Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	return a.ID, tok
}

// serveInProcess runs `mnr serve` as the binary would and waits until it
// answers; cancel stands for SIGTERM.
func serveInProcess(t *testing.T, args ...string) (base string, cancel func(), done <-chan error) {
	t.Helper()
	addr := freeAddr(t)
	ctx, stop := context.WithCancel(context.Background())
	ch := make(chan error, 1)
	go func() {
		m := NewMain(strings.NewReader(""), io.Discard, io.Discard)
		ch <- m.Run(ctx, append([]string{"serve", "-addr", addr}, args...))
	}()
	base = "http://" + addr
	for i := 0; ; i++ {
		res, err := http.Get(base + "/healthz")
		if err == nil && res.StatusCode == 200 {
			res.Body.Close()
			break
		}
		if i > 200 {
			stop()
			t.Fatalf("server did not start: %v", err)
		}
		time.Sleep(25 * time.Millisecond)
	}
	return base, stop, ch
}

// TestShutdownFinishesInFlightSave sends a save whose body is still
// arriving when the server is told to stop: the server stops accepting new
// connections, finishes the save, answers it, and closes the database
// cleanly (its write-ahead log checkpointed away).
func TestShutdownFinishesInFlightSave(t *testing.T) {
	db := filepath.Join(t.TempDir(), "mnr.db")
	id, tok := seed(t, db)
	base, stop, done := serveInProcess(t, "-db", db, "-shutdown-timeout", "20s")
	defer stop()

	pr, pw := io.Pipe()
	req, _ := http.NewRequest(http.MethodPut, base+"/api/v1/assessments/"+itoa(id)+"/indicators/leadership-1", pr)
	req.Header.Set("Authorization", "Bearer "+tok)
	req.Header.Set("Content-Type", "application/json")
	sent := make(chan struct{})
	req = req.WithContext(httptrace.WithClientTrace(req.Context(), &httptrace.ClientTrace{WroteHeaders: func() { close(sent) }}))
	type result struct {
		status int
		body   []byte
		err    error
	}
	resc := make(chan result, 1)
	go func() {
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			resc <- result{err: err}
			return
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		resc <- result{status: res.StatusCode, body: b}
	}()
	<-sent
	pw.Write([]byte(`{"answer": "yes", "evidence": "the strategy, adopted in`))
	time.Sleep(300 * time.Millisecond) // the handler is now reading the body

	stop() // SIGTERM
	host := strings.TrimPrefix(base, "http://")
	for i := 0; ; i++ {
		c, err := net.DialTimeout("tcp", host, 200*time.Millisecond)
		if err != nil {
			break // no longer accepting
		}
		c.Close()
		if i > 100 {
			t.Fatal("the server still accepts connections after SIGTERM")
		}
		time.Sleep(20 * time.Millisecond)
	}
	pw.Write([]byte(` 2025", "version": 0}`))
	pw.Close()
	r := <-resc
	if r.err != nil || r.status != 200 {
		t.Fatalf("the save in flight: %v %d %s", r.err, r.status, r.body)
	}
	var saved struct {
		Version int `json:"version"`
	}
	json.Unmarshal(r.body, &saved)
	if saved.Version != 1 {
		t.Errorf("saved = %s", r.body)
	}
	if err := <-done; err != nil {
		t.Fatalf("serve: %v", err)
	}
	if st, err := os.Stat(db + "-wal"); err == nil && st.Size() > 0 {
		t.Errorf("the write-ahead log holds %d bytes after a clean shutdown", st.Size())
	}
	info, err := store.InspectSQLite(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	_ = info
	s, _ := store.Open(db)
	defer s.Close()
	_, _, _, answers, _ := s.AssessmentContent(context.Background(), id)
	for _, an := range answers {
		if an.IndicatorKey == "leadership-1" && (an.Value != assessment.Yes || an.Evidence != "the strategy, adopted in 2025") {
			t.Errorf("stored answer = %+v", an)
		}
	}
}

// TestBackupAndRestoreCommands: mnr backup works while the server runs;
// mnr restore refuses the running installation and a foreign file, and
// restores the stopped one. PostgreSQL is pointed at pg_dump.
func TestBackupAndRestoreCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "mnr.db")
	seed(t, db)
	_, stop, done := serveInProcess(t, "-db", db)
	out := run(t, "", "backup", "-db", db, "--out", filepath.Join(dir, "b.tar.gz"))
	if !strings.Contains(out, "integrity ok") {
		t.Errorf("backup: %s", out)
	}
	if err := runErr("restore", "-db", db, "--in", filepath.Join(dir, "b.tar.gz")); err == nil || !strings.Contains(err.Error(), "running") {
		t.Errorf("restore over a running server: %v", err)
	}
	stop()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not a backup"), 0o600)
	if err := runErr("restore", "-db", db, "--in", filepath.Join(dir, "notes.txt")); err == nil || !strings.Contains(err.Error(), "not a backup of MNR") {
		t.Errorf("restore of a foreign file: %v", err)
	}
	out = run(t, "", "restore", "-db", db, "--in", filepath.Join(dir, "b.tar.gz"))
	if !strings.Contains(out, "restored") || !strings.Contains(out, "before-restore") {
		t.Errorf("restore: %s", out)
	}
	if err := runErr("backup", "-db", "postgres://u@127.0.0.1/x", "--out", "x"); err == nil || !strings.Contains(err.Error(), "pg_dump") {
		t.Errorf("backup of PostgreSQL: %v", err)
	}
}

// TestScheduledBackupsInServe: serve with -backup-dir writes a backup at
// start and keeps it; a second instance on the same database does not
// write another within the interval.
func TestScheduledBackupsInServe(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "mnr.db")
	seed(t, db)
	backups := filepath.Join(dir, "backups")
	_, stop, done := serveInProcess(t, "-db", db, "-backup-dir", backups, "-backup-every", "1h", "-backup-keep", "3")
	var files []string
	for i := 0; i < 200 && len(files) == 0; i++ {
		files, _ = filepath.Glob(filepath.Join(backups, "mnr-backup-*.tar.gz"))
		time.Sleep(25 * time.Millisecond)
	}
	_, stop2, done2 := serveInProcess(t, "-db", db, "-backup-dir", backups, "-backup-every", "1h")
	time.Sleep(300 * time.Millisecond)
	stop2()
	stop()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if err := <-done2; err != nil {
		t.Fatal(err)
	}
	files, _ = filepath.Glob(filepath.Join(backups, "mnr-backup-*.tar.gz"))
	if len(files) != 1 {
		t.Fatalf("%d scheduled backups, want 1: %v", len(files), files)
	}
}

func TestUserEraseAndOrganisationDeleteCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "mnr.db")
	id, _ := seed(t, db)
	file := addBinaryEvidence(t, db, id)
	out := run(t, "", "user", "erase", "-db", db, "--email", "amira.haddad@example.org")
	if !strings.Contains(out, `"Former user 1"`) || !strings.Contains(out, "organisation") && !strings.Contains(out, "erased") {
		t.Errorf("erase: %s", out)
	}
	if err := runErr("organisation", "delete", "-db", db, "--id", "1", "--confirm", "Council"); err == nil || !strings.Contains(err.Error(), "--export") {
		t.Errorf("delete without export: %v", err)
	}
	export := filepath.Join(dir, "council.json")
	out = run(t, "", "organisation", "delete", "-db", db, "--id", "1", "--confirm", "Council", "--export", export)
	if !strings.Contains(out, "1 assessments") {
		t.Errorf("delete: %s", out)
	}
	raw, err := os.ReadFile(export)
	if err != nil || !bytes.Contains(raw, []byte(`"answers"`)) || !bytes.Contains(raw, []byte(`"Council"`)) {
		t.Errorf("export: %v %.200s", err, raw)
	}
	if got := exportedFile(t, raw); !bytes.Equal(got, file) {
		t.Errorf("the export holds %d bytes of the evidence file, not its %d bytes as stored", len(got), len(file))
	}
	if err := runErr("audit", "prune", "-db", db); err == nil {
		t.Error("prune without a cutoff ran")
	}
	if out := run(t, "", "audit", "prune", "-db", db, "--older-than", "730d"); !strings.Contains(out, "deleted 0 audit events") {
		t.Errorf("prune: %s", out)
	}
}

// runErr runs a subcommand and returns its error.
func runErr(args ...string) error {
	m := NewMain(strings.NewReader(""), io.Discard, io.Discard)
	return m.Run(context.Background(), args)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
