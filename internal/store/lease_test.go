package store_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// TestLeaseNeverHeldTwice: many instances race for one lease over and over;
// at no moment do two of them hold it. Run on PostgreSQL (READ COMMITTED)
// and SQLite.
func TestLeaseNeverHeldTwice(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			// Two instances: two stores (two connection pools) on one database.
			second, err := store.Open(s.DSNForTest())
			if err != nil {
				t.Fatal(err)
			}
			defer second.Close()
			instances := []*store.Store{s, second}
			var holding atomic.Int32
			var wins atomic.Int32
			var wg sync.WaitGroup
			for i := 0; i < 8; i++ {
				wg.Add(1)
				go func(i int) {
					defer wg.Done()
					me := fmt.Sprintf("instance-%d", i)
					for round := 0; round < 15; round++ {
						s := instances[i%2]
						ok, err := s.ClaimLease(ctx, "backup", me, time.Hour)
						if err != nil {
							t.Error(err)
							return
						}
						if !ok {
							continue
						}
						wins.Add(1)
						if n := holding.Add(1); n != 1 {
							t.Errorf("%d instances hold the lease at once", n)
						}
						time.Sleep(time.Millisecond)
						holding.Add(-1)
						if err := s.ReleaseLease(ctx, "backup", me); err != nil {
							t.Error(err)
						}
					}
				}(i)
			}
			wg.Wait()
			if wins.Load() == 0 {
				t.Fatal("nobody ever got the lease")
			}
		})
	}
}

// TestLeaseExpiryAndRenewal: a held lease refuses others, is renewed by
// its holder, and is taken over once it expires.
func TestLeaseExpiryAndRenewal(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			now := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
			s.SetClockForTest(func() time.Time { return now })
			claim := func(who string) bool {
				ok, err := s.ClaimLease(ctx, "reminders", who, 10*time.Minute)
				if err != nil {
					t.Fatal(err)
				}
				return ok
			}
			if !claim("a") || claim("b") {
				t.Fatal("a should hold the new lease, b should be refused")
			}
			now = now.Add(9 * time.Minute)
			if !claim("a") {
				t.Fatal("the holder could not renew")
			}
			now = now.Add(9 * time.Minute) // within the renewed lease
			if claim("b") {
				t.Fatal("b took a renewed lease before it expired")
			}
			now = now.Add(2 * time.Minute) // expired: a died
			if !claim("b") || claim("a") {
				t.Fatal("b should take over the expired lease, and a be refused")
			}
			l, ok, err := s.LeaseOf(ctx, "reminders")
			if err != nil || !ok || l.Holder != "b" || !l.ExpiresAt.Equal(now.Add(10*time.Minute)) {
				t.Fatalf("lease = %+v %v %v", l, ok, err)
			}
			if err := s.ReleaseLease(ctx, "reminders", "a"); err != nil {
				t.Fatal(err)
			}
			if l, _, _ := s.LeaseOf(ctx, "reminders"); l.Holder != "b" {
				t.Fatal("releasing someone else's lease removed it")
			}
		})
	}
}

// TestOutboxClaimsAreDisjoint: concurrent senders claim disjoint
// notifications; an expired claim is claimed again, a marked one never.
func TestOutboxClaimsAreDisjoint(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			u := mustUser(t, s, "recipient@example.org")
			var ns []assessment.Notification
			for i := 0; i < 60; i++ {
				ns = append(ns, assessment.Notification{UserID: u, Kind: assessment.NotifyAssigned, Message: fmt.Sprint("n", i)})
			}
			if err := s.Notify(ctx, ns...); err != nil {
				t.Fatal(err)
			}
			since := time.Now().UTC().Add(-time.Hour)
			var mu sync.Mutex
			seen := map[int64]string{}
			var wg sync.WaitGroup
			for i := 0; i < 4; i++ {
				wg.Add(1)
				go func(i int) {
					defer wg.Done()
					me := fmt.Sprint("sender-", i)
					for {
						items, err := s.ClaimOutbox(ctx, me, since, 5, time.Minute)
						if err != nil {
							t.Error(err)
							return
						}
						if len(items) == 0 {
							return
						}
						for _, it := range items {
							mu.Lock()
							if prev, dup := seen[it.ID]; dup {
								t.Errorf("notification %d claimed by %s and %s", it.ID, prev, me)
							}
							seen[it.ID] = me
							mu.Unlock()
							if it.Email != "recipient@example.org" {
								t.Errorf("recipient = %q", it.Email)
							}
							if ok, err := s.MarkMailed(ctx, me, it.ID); !ok || err != nil {
								t.Errorf("mark %d: %v %v", it.ID, ok, err)
							}
						}
					}
				}(i)
			}
			wg.Wait()
			if len(seen) != 60 {
				t.Fatalf("%d of 60 notifications claimed", len(seen))
			}

			// A claim that is neither marked nor released comes back after it expires.
			if err := s.Notify(ctx, assessment.Notification{UserID: u, Kind: assessment.NotifyAssigned, Message: "late"}); err != nil {
				t.Fatal(err)
			}
			now := time.Now().UTC()
			s.SetClockForTest(func() time.Time { return now })
			first, _ := s.ClaimOutbox(ctx, "dies", since, 5, time.Minute)
			again, _ := s.ClaimOutbox(ctx, "other", since, 5, time.Minute)
			if len(first) != 1 || len(again) != 0 {
				t.Fatalf("claims: %d then %d", len(first), len(again))
			}
			now = now.Add(2 * time.Minute)
			again, _ = s.ClaimOutbox(ctx, "other", since, 5, time.Minute)
			if len(again) != 1 || again[0].ID != first[0].ID {
				t.Fatalf("expired claim not taken over: %+v", again)
			}
			if ok, _ := s.MarkMailed(ctx, "dies", first[0].ID); ok {
				t.Error("a sender whose claim was taken over could still mark it mailed")
			}
		})
	}
}

func mustUser(t *testing.T, s *store.Store, email string) int64 {
	t.Helper()
	u, err := s.CreateUser(context.Background(), assessment.System, assessment.User{Email: email, Name: email, PasswordHash: "x"})
	if err != nil {
		t.Fatal(err)
	}
	return u.ID
}
