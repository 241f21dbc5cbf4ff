package store

import "sync"

// probeRounds lets requests that arrive together share one reading of the
// data version. A reading serves only requests that arrived before it
// began, so each gets a version read after it arrived, exactly as if it
// had asked alone: a request arriving while a reading runs waits for the
// next one, which one of the waiters runs for them all.
type probeRounds struct {
	mu      sync.Mutex
	busy    bool
	waiting []chan probeResult
}

type probeResult struct {
	version   string
	err       error
	run       bool               // this waiter runs the next reading …
	followers []chan probeResult // … and gives the result to these
}

func (r *probeRounds) do(read func() probeResult) probeResult {
	r.mu.Lock()
	if r.busy {
		ch := make(chan probeResult, 1)
		r.waiting = append(r.waiting, ch)
		r.mu.Unlock()
		got := <-ch
		if !got.run {
			return got
		}
		res := read()
		for _, w := range got.followers {
			w <- res
		}
		r.handOff()
		return res
	}
	r.busy = true
	r.mu.Unlock()
	res := read()
	r.handOff()
	return res
}

// handOff gives the next reading to the first of those who arrived during
// the last one, or ends the busy spell.
func (r *probeRounds) handOff() {
	r.mu.Lock()
	next := r.waiting
	r.waiting = nil
	if len(next) == 0 {
		r.busy = false
	}
	r.mu.Unlock()
	if len(next) > 0 {
		next[0] <- probeResult{run: true, followers: next[1:]}
	}
}
