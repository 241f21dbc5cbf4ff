package store

import (
	"context"
	"log/slog"
	"sort"
	"sync"
	"time"
)

// rateBatchEvery is how often hits counted in memory are added to the
// shared counters in the database.
const rateBatchEvery = 200 * time.Millisecond

// rateBatchRows bounds one batch statement's rows.
const rateBatchRows = 200

// rateBatchMaxNames bounds the counters kept in memory (each about a
// hundred bytes): past it, say, a flood from many addresses, new counters
// are counted in the database at once, as the limits on guessing are.
const rateBatchMaxNames = 50000

// rateBatch counts the hits of generous per-request limits (the API's
// requests per token and per address) in this process and adds them to the
// database's counters in one statement every rateBatchEvery, so a request
// costs no write. On one instance the count is exact; another instance's
// hits are seen after its next batch and ours, so together instances may
// pass a limit by what they counted in that moment. Limits on guessing
// (sign-in, links, unknown tokens) never use it: they count in the
// database, at once (CountHits).
type rateBatch struct {
	s        *Store
	mu       sync.Mutex
	byName   map[string]*batchCounter
	due      int64 // Unix ms of the next batch
	running  bool  // a batch is being written
	closed   bool
	finished sync.WaitGroup
}

// batchCounter is one counter as this process knows it.
type batchCounter struct {
	window  time.Duration
	resetAt int64 // Unix ms: the window's end
	base    int   // the database's count at the last batch (every instance's hits)
	sent    int   // our hits in the batch being written
	pending int   // our hits since (negative after refunds)
	epoch   int   // bumped when the window ends here: a batch's answer for the old one is dropped
}

func newRateBatch(s *Store) *rateBatch { return &rateBatch{s: s, byName: map[string]*batchCounter{}} }

// CountHitsBatched adds one hit to every counter (none to a Peek one) in
// this process and returns the counts as known here (see rateBatch).
func (s *Store) CountHitsBatched(now time.Time, counters ...RateCounter) []RateCount {
	b := s.batch
	nowMS := now.UnixMilli()
	out := make([]RateCount, 0, len(counters))
	b.mu.Lock()
	for _, c := range counters {
		e := b.byName[c.Name]
		if e == nil {
			e = &batchCounter{}
			b.byName[c.Name] = e
		}
		if e.resetAt <= nowMS { // a new window
			e.epoch++
			e.base, e.sent, e.pending = 0, 0, 0
			e.window, e.resetAt = c.Window, now.Add(c.Window).UnixMilli()
		}
		if !c.Peek {
			e.pending++
		}
		out = append(out, RateCount{Name: c.Name, Hits: e.base + e.sent + e.pending, ResetAt: time.UnixMilli(e.resetAt).UTC()})
	}
	if b.due == 0 { // the first batch one interval after the first hit
		b.due = nowMS + rateBatchEvery.Milliseconds()
	}
	start := !b.running && !b.closed && nowMS >= b.due
	if start {
		b.running, b.due = true, nowMS+rateBatchEvery.Milliseconds()
		b.finished.Add(1)
	}
	b.mu.Unlock()
	if start {
		go func() {
			defer b.finished.Done()
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			b.write(ctx, now)
		}()
	}
	return out
}

// RateBatchHasRoom says whether new counters may still be kept in memory
// (CountHitsBatched); when not, the caller counts in the database.
func (s *Store) RateBatchHasRoom() bool {
	b := s.batch
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.byName) < rateBatchMaxNames
}

// RefundHitsBatched takes one hit back from each named counter of this
// process still in its window.
func (s *Store) RefundHitsBatched(now time.Time, names ...string) {
	b := s.batch
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, n := range names {
		if e := b.byName[n]; e != nil && e.resetAt > now.UnixMilli() {
			e.pending--
		}
	}
}

// batchItem is one counter's hits in a batch.
type batchItem struct {
	add   rateAdd
	epoch int
}

// write adds the pending hits to the database and takes its counts (with
// other instances' hits) as the new bases; counters whose window ended
// with nothing to add are forgotten.
func (b *rateBatch) write(ctx context.Context, now time.Time) {
	nowMS := now.UnixMilli()
	var items []batchItem
	b.mu.Lock()
	for name, e := range b.byName {
		switch {
		case e.resetAt <= nowMS && e.sent == 0:
			delete(b.byName, name)
		case e.pending > 0:
			items = append(items, batchItem{add: rateAdd{name: name, window: e.window, hits: e.pending}, epoch: e.epoch})
			e.sent, e.pending = e.pending, 0
		}
	}
	b.mu.Unlock()
	sort.Slice(items, func(i, j int) bool { return items[i].add.name < items[j].add.name })
	counts := map[string]RateCount{}
	var err error
	for len(items) > 0 && err == nil {
		chunk := items[:min(len(items), rateBatchRows)]
		adds := make([]rateAdd, len(chunk))
		for i, it := range chunk {
			adds[i] = it.add
		}
		var got []RateCount
		if got, err = b.s.addHits(ctx, now, adds); err != nil {
			slog.Error("rate counters: batch", "err", err)
		}
		for _, g := range got {
			counts[g.Name] = g
		}
		b.settle(chunk, counts, err)
		items = items[len(chunk):]
	}
	if err != nil {
		b.settle(items, counts, err)
	}
	b.mu.Lock()
	b.running = false
	b.mu.Unlock()
}

// settle takes a batch's answer: the database's count, or, when the write
// failed, the hits back as pending for the next batch.
func (b *rateBatch) settle(items []batchItem, counts map[string]RateCount, err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, it := range items {
		e := b.byName[it.add.name]
		if e == nil || e.epoch != it.epoch {
			continue // the window ended here meanwhile
		}
		e.sent = 0
		c, ok := counts[it.add.name]
		if err != nil || !ok {
			e.pending += it.add.hits
			continue
		}
		e.base, e.resetAt = c.Hits, c.ResetAt.UnixMilli()
	}
}

// close writes what is still pending, once a batch under way has ended.
func (b *rateBatch) close() {
	b.mu.Lock()
	if b.closed {
		b.mu.Unlock()
		return
	}
	b.closed = true
	b.mu.Unlock()
	b.finished.Wait()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	b.write(ctx, b.s.now())
}
