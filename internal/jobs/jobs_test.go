package jobs_test

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/jobs"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// TestEveryRunsOncePerIntervalAcrossInstances: two runners (two instances
// on one database) poll often; the job runs once per interval in all,
// and a failed run is retried at the next poll.
func TestEveryRunsOncePerIntervalAcrossInstances(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "mnr.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var failures atomic.Int32
	var mu sync.Mutex
	var starts []time.Time
	job := func(context.Context) error {
		if failures.Add(1) == 1 {
			return errors.New("first run fails")
		}
		mu.Lock()
		starts = append(starts, time.Now())
		mu.Unlock()
		return nil
	}
	a := &jobs.Runner{Leases: db, Instance: "a", Poll: 10 * time.Millisecond}
	b := &jobs.Runner{Leases: db, Instance: "b", Poll: 10 * time.Millisecond}
	a.Every(ctx, "backup", 400*time.Millisecond, job)
	b.Every(ctx, "backup", 400*time.Millisecond, job)
	time.Sleep(1000 * time.Millisecond)
	cancel()
	a.Wait()
	b.Wait()
	// The failure was retried at once; then never two runs within one
	// interval, whichever instance ran them. (Two runs of one interval
	// would be a poll apart, 10 ms; the margin absorbs scheduling delays
	// between a claim and the run it starts on a busy machine.)
	if len(starts) < 2 {
		t.Fatalf("%d successful runs in 1 s with a 400 ms interval", len(starts))
	}
	for i := 1; i < len(starts); i++ {
		if gap := starts[i].Sub(starts[i-1]); gap < 200*time.Millisecond {
			t.Errorf("runs %d and %d only %v apart", i-1, i, gap)
		}
	}
}
