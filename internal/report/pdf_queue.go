package report

import (
	"context"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/metrics"
)

// RetryError is a refusal worth retrying later: the renderer is busy
// (code busy) or the user already has a render under way (rate_limited).
// The web layer answers 503 or 429 with RetryAfter as Retry-After.
type RetryError struct {
	Err   *assessment.Error
	After time.Duration
}

func (e *RetryError) Error() string { return e.Err.Error() }
func (e *RetryError) Unwrap() error { return e.Err }

// RetryAfter is how long the client should wait before asking again.
func (e *RetryError) RetryAfter() time.Duration { return e.After }

func (r *Renderer) busy() error {
	r.stats.Refused++
	return &RetryError{Err: assessment.Errorf(assessment.EBUSY, "Many PDF documents are being prepared at the moment. Try again in a moment."), After: r.estimate()}
}

func (r *Renderer) closing() error {
	return &RetryError{Err: assessment.Errorf(assessment.EBUSY, "PDF rendering is stopping because the server is shutting down. Try again in a moment."), After: time.Minute}
}

// estimate guesses when a tab frees up for a newcomer: the recent render
// time for each round of the queue ahead, within 1 s and 2 min. Callers
// hold r.mu.
func (r *Renderer) estimate() time.Duration {
	rounds := 1 + r.queued/r.cfg.Tabs
	return min(max(r.avg*time.Duration(rounds), time.Second), 2*time.Minute)
}

// admit counts a request against its user's limit; release uncounts it.
func (r *Renderer) admit(user string) (release func(), err error) {
	if user == "" {
		return func() {}, nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.users[user] >= r.cfg.PerUser {
		r.stats.Refused++
		return nil, &RetryError{Err: assessment.Errorf(assessment.ETOOMANY, "Your previous PDF is still being prepared. Wait for it to finish, then try again."), After: r.estimate()}
	}
	r.users[user]++
	return func() {
		r.mu.Lock()
		defer r.mu.Unlock()
		if r.users[user]--; r.users[user] <= 0 {
			delete(r.users, user)
		}
	}, nil
}

// takeTab waits for a free tab: at once when one is free, else in the
// queue when it has room, for at most the configured wait.
func (r *Renderer) takeTab(ctx context.Context) error {
	select {
	case r.tabs <- struct{}{}:
		r.started()
		return nil
	default:
	}
	r.mu.Lock()
	if r.queued >= r.cfg.Queue {
		err := r.busy()
		r.mu.Unlock()
		return err
	}
	r.queue(+1)
	r.mu.Unlock()
	timer := time.NewTimer(r.cfg.Wait)
	defer timer.Stop()
	select {
	case r.tabs <- struct{}{}:
		r.mu.Lock()
		r.queue(-1)
		r.mu.Unlock()
		r.started()
		return nil
	case <-timer.C:
		r.mu.Lock()
		defer r.mu.Unlock()
		r.queue(-1)
		return r.busy()
	case <-ctx.Done():
		r.mu.Lock()
		r.queue(-1)
		r.mu.Unlock()
		return ctx.Err()
	}
}

// queue counts a render into or out of the queue, and reports the depth
// to the metrics. Callers hold r.mu.
func (r *Renderer) queue(delta int) {
	r.queued += delta
	metrics.SetPDFQueueDepth(r.queued)
}

func (r *Renderer) started() {
	r.mu.Lock()
	r.running++
	r.stats.PeakRunning = max(r.stats.PeakRunning, r.running)
	r.mu.Unlock()
}

// freeTab gives the tab back and notes how long the render took.
func (r *Renderer) freeTab(took time.Duration) {
	r.mu.Lock()
	r.running--
	r.stats.Renders++
	r.avg = (3*r.avg + took) / 4
	r.mu.Unlock()
	<-r.tabs
}
