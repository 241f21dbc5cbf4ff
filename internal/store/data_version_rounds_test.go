package store

import (
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestProbeRoundsReadAfterArrival: under many concurrent callers every
// caller gets a reading that began after it called, and callers share
// readings.
func TestProbeRoundsReadAfterArrival(t *testing.T) {
	var r probeRounds
	var started atomic.Int64
	read := func() probeResult {
		n := started.Add(1)
		time.Sleep(50 * time.Microsecond)
		return probeResult{version: strconv.FormatInt(n, 10)}
	}
	const callers, each = 32, 200
	var wg sync.WaitGroup
	for c := 0; c < callers; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				before := started.Load()
				got, _ := strconv.ParseInt(r.do(read).version, 10, 64)
				if got <= before {
					t.Errorf("a caller got reading %d, begun before it called (%d had begun)", got, before)
					return
				}
			}
		}()
	}
	wg.Wait()
	if n := started.Load(); n >= callers*each {
		t.Errorf("%d readings for %d calls: none shared", n, callers*each)
	}
	t.Logf("%d readings for %d calls", started.Load(), callers*each)
}
