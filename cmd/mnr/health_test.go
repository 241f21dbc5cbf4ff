package main

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"
)

// mnr health is the image's HEALTHCHECK: ready while the server answers
// /readyz, failing once it has stopped.
func TestHealthCommandAsksReadiness(t *testing.T) {
	db := filepath.Join(t.TempDir(), "mnr.db")
	seed(t, db)
	base, stop, done := serveInProcess(t, "-db", db)
	addr := strings.TrimPrefix(base, "http://")
	if out := run(t, "", "health", "-addr", addr); !strings.HasPrefix(out, "ready: ") || !strings.Contains(out, `"database"`) {
		t.Errorf("health: %q", out)
	}
	stop()
	<-done
	if err := runErr("health", "-addr", addr, "-timeout", "2s"); err == nil || !strings.Contains(err.Error(), "not ready") {
		t.Errorf("health of a stopped server: %v", err)
	}
}

// mnr user reset-link prints a link for the operator that opens the reset
// page; any earlier link stops working.
func TestUserResetLinkCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "mnr.db")
	seed(t, db)
	if err := runErr("user", "reset-link", "-db", db, "-email", "amira.haddad@example.org"); err == nil {
		t.Error("a link without the public address")
	}
	first := run(t, "", "user", "reset-link", "-db", db, "-email", "amira.haddad@example.org", "-base-url", "https://mnr.example.org/")
	out := run(t, "", "user", "reset-link", "-db", db, "-email", "amira.haddad@example.org", "-base-url", "https://mnr.example.org")
	link := strings.Fields(out)[0]
	if !strings.HasPrefix(link, "https://mnr.example.org/password-reset/") || link == strings.Fields(first)[0] {
		t.Fatalf("links: %q %q", first, out)
	}
	base, stop, done := serveInProcess(t, "-db", db)
	defer func() { stop(); <-done }()
	for path, want := range map[string]int{strings.TrimPrefix(link, "https://mnr.example.org"): 200, strings.TrimPrefix(strings.Fields(first)[0], "https://mnr.example.org"): 404} {
		res, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != want {
			t.Errorf("%s: %d, want %d", path, res.StatusCode, want)
		}
	}
}
