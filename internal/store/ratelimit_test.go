package store_test

import (
	"context"
	"sort"
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/store"
)

// Fifty hits at once on one counter get the places 1 to 50, each once: the
// increment happens inside the database.
func TestRateCountersCountAtomically(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.Now().UTC()
			counter := store.RateCounter{Name: "test:a", Window: time.Minute}
			other := store.RateCounter{Name: "test:b", Window: time.Hour}
			places := make([]int, 50)
			errs := race(50, func(i int) error {
				got, err := s.CountHits(ctx, now, counter, other)
				for _, c := range got {
					if c.Name == counter.Name {
						places[i] = c.Hits
					}
				}
				return err
			})
			for _, err := range errs {
				if err != nil {
					t.Fatal(err)
				}
			}
			sort.Ints(places)
			for i, p := range places {
				if p != i+1 {
					t.Fatalf("places = %v, want 1…50 once each", places)
				}
			}
			got, err := s.CountHits(ctx, now.Add(30*time.Second), counter)
			if err != nil || len(got) != 1 || got[0].Hits != 51 || !got[0].ResetAt.Equal(now.Add(time.Minute).Truncate(time.Millisecond)) {
				t.Fatalf("within the window: %+v %v", got, err)
			}
			if err := s.RefundHits(ctx, now.Add(31*time.Second), counter.Name, counter.Name); err != nil {
				t.Fatal(err)
			}
			got, _ = s.CountHits(ctx, now.Add(32*time.Second), counter)
			if got[0].Hits != 51 {
				t.Errorf("after one refund and one hit: %d hits, want 51", got[0].Hits)
			}
			// A new window starts in the same statement once the old one ended.
			later := now.Add(time.Minute + time.Second)
			got, _ = s.CountHits(ctx, later, counter)
			if got[0].Hits != 1 || !got[0].ResetAt.Equal(later.Add(time.Minute).Truncate(time.Millisecond)) {
				t.Errorf("next window: %+v", got[0])
			}
			n, err := s.PruneRateCounters(ctx, now.Add(2*time.Hour))
			if err != nil || n != 2 {
				t.Errorf("pruned %d counters, %v; want both", n, err)
			}
		})
	}
}

// A peek reads a counter in the same statement without adding to it, and
// starts a fresh window at zero.
func TestRateCounterPeek(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.Now().UTC()
			hit := store.RateCounter{Name: "test:peek", Window: time.Minute}
			peek := hit
			peek.Peek = true
			for want, c := range []store.RateCounter{peek, hit, hit, peek} {
				want = min(want, 2)
				got, err := s.CountHits(ctx, now, c)
				if err != nil || len(got) != 1 || got[0].Hits != want {
					t.Fatalf("count %d (peek %v): %v %+v, want %d hits", want, c.Peek, err, got, want)
				}
			}
			if got, _ := s.CountHits(ctx, now.Add(2*time.Minute), peek); len(got) != 1 || got[0].Hits != 0 {
				t.Fatalf("peek in a new window: %+v", got)
			}
		})
	}
}
