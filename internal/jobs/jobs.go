// Package jobs runs background work on timers, claimed through the
// database so that, with several instances, each run happens on one
// instance only.
package jobs

import (
	"context"
	"crypto/rand"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/metrics"
)

// Leases is the store's job-claim primitive (store.Store implements it).
type Leases interface {
	ClaimLease(ctx context.Context, name, holder string, ttl time.Duration) (bool, error)
	ReleaseLease(ctx context.Context, name, holder string) error
}

// Runner starts scheduled jobs and waits for them at shutdown.
type Runner struct {
	Leases Leases
	// Instance names this process in leases (default: host name and pid).
	Instance string
	// Poll is how often each job checks whether its lease is free
	// (default: a minute, or the interval when that is shorter).
	Poll time.Duration

	wg   sync.WaitGroup
	seq  atomic.Int64
	once sync.Once
}

// Every runs fn at most once per interval across all instances sharing the
// database. Each poll tries to take the job's lease for one interval under
// a fresh holder name, so the lease succeeds only when the previous run's
// lease has expired (or there was none): the lease row itself is the
// schedule, and a restart does not run the job again early. A failed run
// gives its lease back, so the next poll (here or elsewhere) tries again.
// Every returns at once; the job stops when ctx is cancelled.
func (r *Runner) Every(ctx context.Context, name string, interval time.Duration, fn func(context.Context) error) {
	poll := r.Poll
	if poll <= 0 {
		poll = min(time.Minute, interval)
	}
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		t := time.NewTicker(poll)
		defer t.Stop()
		for {
			r.tryOnce(ctx, name, interval, fn)
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
}

func (r *Runner) tryOnce(ctx context.Context, name string, interval time.Duration, fn func(context.Context) error) {
	holder := fmt.Sprintf("%s#%d", r.instance(), r.seq.Add(1))
	ok, err := r.Leases.ClaimLease(ctx, name, holder, interval)
	if err != nil {
		if ctx.Err() == nil {
			slog.Error("job lease", "job", name, "err", err)
		}
		return
	}
	if !ok {
		return
	}
	start := time.Now()
	err = fn(ctx)
	metrics.JobRun(name, time.Since(start), err)
	if err != nil {
		slog.Error("job failed", "job", name, "took_ms", time.Since(start).Milliseconds(), "err", err)
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		if err := r.Leases.ReleaseLease(rctx, name, holder); err != nil {
			slog.Error("job lease release", "job", name, "err", err)
		}
		return
	}
	slog.Info("job done", "job", name, "took_ms", time.Since(start).Milliseconds())
}

// Wait blocks until every job has stopped (after its context is cancelled).
func (r *Runner) Wait() { r.wg.Wait() }

// instance names the runner: host name, pid and a random part, since
// containers often share a pid (1) and restarted ones a host name.
func (r *Runner) instance() string {
	r.once.Do(func() {
		if r.Instance != "" {
			return
		}
		h, _ := os.Hostname()
		b := make([]byte, 4)
		rand.Read(b)
		r.Instance = fmt.Sprintf("%s/%d/%x", h, os.Getpid(), b)
	})
	return r.Instance
}
