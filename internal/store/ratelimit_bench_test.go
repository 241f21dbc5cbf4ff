package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/store"
)

// BenchmarkCountHits measures one rate-limit check (a two-counter upsert,
// as a sign-in or an API request makes) on each database, serially and
// from parallel clients on one counter.
func BenchmarkCountHits(b *testing.B) {
	for name, s := range backends(b) {
		b.Run(name, func(b *testing.B) {
			ctx, now := context.Background(), time.Now()
			for i := 0; i < b.N; i++ {
				if _, err := s.CountHits(ctx, now, store.RateCounter{Name: fmt.Sprintf("bench:%d", i%100), Window: time.Minute},
					store.RateCounter{Name: "bench:address", Window: time.Minute}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/parallel", func(b *testing.B) {
			ctx, now := context.Background(), time.Now()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if _, err := s.CountHits(ctx, now, store.RateCounter{Name: "bench:hot", Window: time.Minute}); err != nil {
						b.Error(err)
						return
					}
				}
			})
		})
	}
}
