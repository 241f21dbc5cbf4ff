package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// TestDumpDemoPages writes the demo's main pages, in English and Arabic,
// to $MNR_DUMP, so a change to the templates or their data can be checked
// byte for byte against the pages before it (diff -r before after).
func TestDumpDemoPages(t *testing.T) {
	dir := os.Getenv("MNR_DUMP")
	if dir == "" {
		t.Skip("MNR_DUMP not set")
	}
	slog.SetDefault(slog.New(slog.NewTextHandler(io.Discard, nil)))
	ctx := context.Background()
	db, ts := demoSite(t)
	id, _ := demoDraft(t, db)
	a := fmt.Sprintf("/assessments/%d", id)
	paths := map[string]string{"overview": a, "home": "/", "report": a + "/report"}
	asm, err := db.Assessment(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range asm.Scope {
		paths["cap-"+k] = a + "/capabilities/" + k
	}
	u, err := db.UserByEmail(ctx, "coordinator@demoland.example")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "ar"} {
		if err := db.SetUserProfile(ctx, assessment.Actor{}, u.ID, u.Name, lang); err != nil {
			t.Fatal(err)
		}
		cookie := demoSignIn(t, ts.URL, "coordinator@demoland.example")
		for name, p := range paths {
			req := httptest.NewRequest("GET", p, nil)
			req.Header.Set("Cookie", cookie)
			rec := httptest.NewRecorder()
			ts.Config.Handler.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				t.Fatalf("%s: status %d", p, rec.Code)
			}
			if err := os.WriteFile(filepath.Join(dir, lang+"-"+name+".html"), rec.Body.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
