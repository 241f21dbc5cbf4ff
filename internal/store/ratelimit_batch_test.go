package store_test

import (
	"context"
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/store"
)

// Hits counted in one process are exact there, reach the database in a
// batch, and a second instance on the same database counts them once its
// own batch has read the shared counter.
func TestRateBatchCountsAndShares(t *testing.T) {
	for name, one := range backends(t) {
		t.Run(name, func(t *testing.T) {
			two, err := store.Open(one.DSNForTest())
			if err != nil {
				t.Fatal(err)
			}
			defer two.Close()
			now := time.Now().UTC()
			c := store.RateCounter{Name: "test:batch", Window: time.Minute}
			places := make([]int, 50)
			race(50, func(i int) error {
				places[i] = one.CountHitsBatched(now, c)[0].Hits
				return nil
			})
			sort.Ints(places)
			for i, p := range places {
				if p != i+1 {
					t.Fatalf("places = %v, want 1…50 once each", places)
				}
			}
			one.RefundHitsBatched(now, c.Name)
			one.WriteRateBatchForTest(now)
			if got, err := one.PeekHits(context.Background(), now, c.Name); err != nil || got[0].Hits != 49 {
				t.Fatalf("in the database after a batch: %+v %v, want 49", got, err)
			}
			if got := two.CountHitsBatched(now, c); got[0].Hits != 1 {
				t.Fatalf("the other instance before its batch: %+v", got)
			}
			two.WriteRateBatchForTest(now)
			if got := two.CountHitsBatched(now, c); got[0].Hits != 51 {
				t.Fatalf("the other instance after its batch: %+v, want 51", got)
			}
			if got := one.CountHitsBatched(now.Add(time.Minute), c); got[0].Hits != 1 {
				t.Fatalf("the next window: %+v", got)
			}
		})
	}
}

// The counters kept in memory are bounded: past the bound, the caller is
// told to count in the database.
func TestRateBatchBounded(t *testing.T) {
	s := backends(t)["sqlite"]
	now := time.Now().UTC()
	for i := 0; s.RateBatchHasRoom(); i++ {
		if i > 1_000_000 {
			t.Fatal("the batch never fills")
		}
		s.CountHitsBatched(now, store.RateCounter{Name: fmt.Sprintf("flood:%d", i), Window: time.Minute})
	}
}
