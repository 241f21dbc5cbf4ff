package logx

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://mnr:s3cret@db.example:5432/mnr?sslmode=require": "postgres://mnr:xxxxx@db.example:5432/mnr?sslmode=require",
		"smtp://mailer:p%40ss@smtp.example:587?from=noreply@x.org":  "smtp://mailer:xxxxx@smtp.example:587?from=noreply@x.org",
		"host=db user=mnr password=s3cret dbname=mnr":               "host=db user=mnr password=xxxxx dbname=mnr",
		"postgres://db.example/mnr?user=mnr&password=s3cret&x=1":    "postgres://db.example/mnr?user=mnr&password=xxxxx&x=1",
		"./data/mnr.db":                 "./data/mnr.db",
		"postgres://mnr@127.0.0.1/test": "postgres://mnr@127.0.0.1/test",
		// Not parseable (a stray %), and quoted in an error message.
		"postgres://mnr:bad%zzpass@db/mnr": "postgres://mnr:xxxxx@db/mnr",
		`MNR_SMTP_URL: parse "smtp://mailer:bad%zzsecret@smtp.example": invalid URL escape "%zz"`: `MNR_SMTP_URL: parse "smtp://mailer:xxxxx@smtp.example": invalid URL escape "%zz"`,
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestJSONLogsRedactSecrets(t *testing.T) {
	var buf bytes.Buffer
	l, err := New(&buf, "auto", slog.LevelInfo) // a buffer is not a terminal: JSON
	if err != nil {
		t.Fatal(err)
	}
	l.Info("serving", "database", "postgres://mnr:s3cret@db/mnr", "token", "mnr_abc", "user_id", 3)
	var line map[string]any
	if err := json.Unmarshal(buf.Bytes(), &line); err != nil {
		t.Fatalf("not JSON: %s", buf.String())
	}
	if strings.Contains(buf.String(), "s3cret") || strings.Contains(buf.String(), "mnr_abc") || line["user_id"] != float64(3) {
		t.Errorf("log line = %s", buf.String())
	}
	if _, err := New(&buf, "xml", slog.LevelInfo); err == nil {
		t.Error("unknown format accepted")
	}
}
