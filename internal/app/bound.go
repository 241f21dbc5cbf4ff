package app

import (
	"context"
	"fmt"
	"runtime"
)

// bound lets at most its capacity of an expensive read run at once; the
// others wait their turn (or their request's end). The partner dashboard
// reads a thousand assessments: run side by side they only share the same
// cores, each holding its working memory meanwhile, so running them a few
// at a time answers as fast and keeps the server's memory flat.
type bound chan struct{}

// dashboards bounds the partner dashboards computed at once, process-wide.
var dashboards = make(bound, max(2, runtime.GOMAXPROCS(0)))

// acquire waits for a turn; release gives it back.
func (b bound) acquire(ctx context.Context) (release func(), err error) {
	select {
	case b <- struct{}{}:
		return func() { <-b }, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("waiting for a turn: %w", ctx.Err())
	}
}
