package main

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
)

// TestMain lets this test binary stand in for mnr when a test starts "the
// same binary" as a child process (mnr bench starts its server that way).
// Tests run "serve" in this process: its default memory limit, meant for
// a server, would hold every test after it to 48 MB, so it is off here.
func TestMain(m *testing.M) {
	if os.Getenv("MNR_TEST_AS_MNR") == "1" {
		main()
		os.Exit(0)
	}
	os.Setenv("MNR_MEMORY_LIMIT", "off")
	os.Exit(m.Run())
}

// A tiny run of the load program: every row of the table is there, with
// requests counted and no errors other than conflicts, and the server's
// peak memory. Seconds, not a measurement.
func TestBenchTinyRun(t *testing.T) {
	t.Setenv("MNR_TEST_AS_MNR", "1") // the child server is this binary
	var out bytes.Buffer
	m := NewMain(strings.NewReader(""), &out, &out)
	err := m.Run(context.Background(), []string{"bench", "-duration", "300ms", "-max", "30", "-saves", "1,2", "-pages", "1",
		"-partner-orgs", "2", "-cycles", "2"})
	os.Unsetenv("MNR_TEST_AS_MNR")
	if err != nil {
		t.Fatalf("bench: %v\n%s", err, out.String())
	}
	for _, want := range []string{"synchronous=FULL", "synchronous=NORMAL", "Echo constant 5 KB page", "API answer saves", "capability page",
		"assessment overview", "home (HTML)", "report page", "GET /api/v1/assessments/{id}", "partner dashboard, 2 organisations x 2 cycles", "peak RSS (VmHWM)"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("no %q in\n%s", want, out.String())
		}
	}
	for _, line := range strings.Split(out.String(), "\n") {
		if f := strings.Split(line, "|"); len(f) == 10 && strings.TrimSpace(f[8]) != "0" && strings.TrimSpace(f[8]) != "other errors" && !strings.HasPrefix(strings.TrimSpace(f[8]), "-") {
			t.Errorf("errors in row: %s", line)
		}
	}
}
