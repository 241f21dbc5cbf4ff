package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const frameworkData = "../../internal/framework/data"

// TestFrameworkValidate: both embedded versions and the 2026.1 → 2026.2
// mapping validate; a mapping that leaves a 2026.1 indicator out fails and
// names it.
func TestFrameworkValidate(t *testing.T) {
	out := run(t, "", "framework", "validate", frameworkData+"/mnr-2026.1.yaml")
	if !strings.Contains(out, "framework 2026.1 is valid: 6 domains, 21 capabilities, 149 indicators") {
		t.Errorf("2026.1: %s", out)
	}
	out = run(t, "", "framework", "validate", frameworkData+"/mnr-2026.2.yaml")
	for _, want := range []string{"framework 2026.2 is valid", "21 capabilities", "5 enablers, 25 indicators", "mapping from 2026.1: 149 indicators"} {
		if !strings.Contains(out, want) {
			t.Errorf("2026.2 output lacks %q: %s", want, out)
		}
	}

	dir := t.TempDir()
	entries, err := os.ReadDir(frameworkData)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(frameworkData, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == "mnr-2026.2.yaml" {
			b = bytes.Replace(b, []byte("      judiciary-prosecutors-5: {kind: same}\n"), nil, 1)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	var stdout bytes.Buffer
	m := NewMain(strings.NewReader(""), &stdout, io.Discard)
	err = m.Run(context.Background(), []string{"framework", "validate", filepath.Join(dir, "mnr-2026.2.yaml")})
	if err == nil || !strings.Contains(stdout.String(), `problem: mapping from 2026.1: indicator "judiciary-prosecutors-5" is not accounted for`) {
		t.Fatalf("broken mapping: err %v, output:\n%s", err, stdout.String())
	}
}
