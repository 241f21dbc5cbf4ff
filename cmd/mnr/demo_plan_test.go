package main

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// TestDemoPlan: Demoland's 2025 plan has fifteen actions across the
// domains, done, in progress, two overdue, one blocked, in two currencies;
// the open ones continue in 2026 with their history; the police and the
// helpline own actions they see as tasks.
func TestDemoPlan(t *testing.T) {
	ctx := context.Background()
	m := NewMain(strings.NewReader(""), io.Discard, io.Discard)
	db, err := m.open(ctx, filepath.Join(t.TempDir(), "mnr.db"))
	if err != nil {
		t.Fatal(err)
	}
	fw, _ := framework.Default()
	if err := loadDemo(ctx, db, fw); err != nil {
		t.Fatal(err)
	}
	a2025, err := db.Actions(ctx, 1)
	if err != nil || len(a2025) != 15 {
		t.Fatalf("2025 plan: %d actions, %v", len(a2025), err)
	}
	now := time.Now().UTC()
	count := map[assessment.ActionStatus]int{}
	currencies, domains := map[string]bool{}, map[string]bool{}
	overdue := 0
	for _, a := range a2025 {
		count[a.Status]++
		if a.Currency != "" {
			currencies[a.Currency] = true
		}
		domains[fw.Capability(a.CapabilityKey).Domain.Key] = true
		if a.Overdue(now) {
			overdue++
		}
	}
	if count[assessment.ActionDone] != 3 || count[assessment.ActionInProgress] < 3 || count[assessment.ActionBlocked] != 1 ||
		overdue != 2 || len(currencies) != 2 || len(domains) != 5 {
		t.Errorf("2025 plan: %v, %d overdue, currencies %v, %d domains", count, overdue, currencies, len(domains))
	}
	a2026, err := db.Actions(ctx, 2)
	if err != nil || len(a2026) != 15-count[assessment.ActionDone]-count[assessment.ActionDropped] {
		t.Fatalf("2026 plan: %d actions, %v", len(a2026), err)
	}
	ids := []int64{}
	for _, a := range a2026 {
		ids = append(ids, a.ID)
	}
	h, _ := db.ActionUpdates(ctx, ids)
	longest := 0
	for _, u := range h {
		longest = max(longest, len(u))
	}
	if longest < 3 {
		t.Errorf("carried history: at most %d entries", longest)
	}
	orgs, _ := db.Organisations(ctx, nil)
	for _, name := range []string{"Demoland Police Child Exploitation Unit", "Demoland Child Helpline"} {
		var id int64
		for _, o := range orgs {
			if o.Name == name {
				id = o.ID
			}
		}
		tasks, err := db.ActionTasks(ctx, []int64{id})
		if err != nil || len(tasks) == 0 || tasks[0].Assessment.Period != "2026" {
			t.Errorf("%s's tasks: %+v %v", name, tasks, err)
		}
	}
}
