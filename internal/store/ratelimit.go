package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"gorm.io/gorm"
)

// RateCounter is one counter to add a hit to: its name (rule and subject)
// and the length of its window.
type RateCounter struct {
	Name   string
	Window time.Duration
	Peek   bool // read the count without adding a hit
}

// RateCount is a counter after a hit: the hits in its current window, and
// when that window ends.
type RateCount struct {
	Name    string
	Hits    int
	ResetAt time.Time
}

// CountHits adds one hit to every counter (none to a Peek one) in one
// statement and returns the new counts. The increment, and the start of a
// new window when the old one has ended, happen inside the database (an upsert that returns the row),
// so parallel requests and several app instances never lose a hit and each
// sees its own place in the count.
func (s *Store) CountHits(ctx context.Context, now time.Time, counters ...RateCounter) ([]RateCount, error) {
	counters = uniqueCounters(counters)
	adds := make([]rateAdd, len(counters))
	for i, c := range counters {
		adds[i] = rateAdd{name: c.Name, window: c.Window, hits: 1}
		if c.Peek {
			adds[i].hits = 0
		}
	}
	return s.addHits(ctx, now, adds)
}

// rateAdd is a number of hits to add to one counter.
type rateAdd struct {
	name   string
	window time.Duration
	hits   int
}

// addHits adds each counter's hits in one statement, names unique and
// sorted, and returns the new counts.
func (s *Store) addHits(ctx context.Context, now time.Time, adds []rateAdd) ([]RateCount, error) {
	if len(adds) == 0 {
		return nil, nil
	}
	nowMS := now.UnixMilli()
	values := make([]string, len(adds))
	args := make([]any, 0, 3*len(adds)+2)
	for i, a := range adds {
		values[i] = "(?, ?, ?)"
		args = append(args, a.name, a.hits, now.Add(a.window).UnixMilli())
	}
	args = append(args, nowMS, nowMS)
	q := `INSERT INTO rate_counters (name, hits, reset_at) VALUES ` + strings.Join(values, ", ") + `
ON CONFLICT (name) DO UPDATE SET
  hits = CASE WHEN rate_counters.reset_at <= ? THEN excluded.hits ELSE rate_counters.hits + excluded.hits END,
  reset_at = CASE WHEN rate_counters.reset_at <= ? THEN excluded.reset_at ELSE rate_counters.reset_at END
RETURNING name, hits, reset_at`
	var rows []struct {
		Name    string
		Hits    int
		ResetAt int64
	}
	err := s.groupTx(ctx, func(tx *gorm.DB) error {
		if err := fastCommit(tx); err != nil {
			return err
		}
		return tx.Raw(q, args...).Scan(&rows).Error
	})
	if err != nil {
		return nil, fmt.Errorf("count hits: %w", err)
	}
	out := make([]RateCount, len(rows))
	for i, r := range rows {
		out[i] = RateCount{Name: r.Name, Hits: r.Hits, ResetAt: time.UnixMilli(r.ResetAt).UTC()}
	}
	return out, nil
}

var peekSQL = newRawSQL("SELECT hits, reset_at FROM rate_counters WHERE name = ? AND reset_at > ?")

// PeekHits reads counters without adding to them, on a reader: a counter
// missing or past its window counts zero hits.
func (s *Store) PeekHits(ctx context.Context, now time.Time, names ...string) ([]RateCount, error) {
	names = uniqueNames(names)
	out := make([]RateCount, len(names))
	for i, n := range names {
		out[i] = RateCount{Name: n}
		var resetAt int64
		switch err := s.rawRead(ctx, peekSQL, n, now.UnixMilli()).Scan(&out[i].Hits, &resetAt); {
		case err == nil:
			out[i].ResetAt = time.UnixMilli(resetAt).UTC()
		case !errors.Is(err, sql.ErrNoRows):
			return nil, fmt.Errorf("peek hits: %w", err)
		}
	}
	return out, nil
}

// RefundHits takes one hit back from each named counter still in its
// window: an attempt that succeeded, which should not count against a limit
// on failures. Counted before and refunded after, a limit holds however
// many attempts run at once.
func (s *Store) RefundHits(ctx context.Context, now time.Time, names ...string) error {
	names = uniqueNames(names)
	if len(names) == 0 {
		return nil
	}
	return s.groupTx(ctx, func(tx *gorm.DB) error {
		if err := fastCommit(tx); err != nil {
			return err
		}
		err := tx.Exec("UPDATE rate_counters SET hits = hits - 1 WHERE name IN ? AND hits > 0 AND reset_at > ?", names, now.UnixMilli()).Error
		if err != nil {
			return fmt.Errorf("refund hits: %w", err)
		}
		return nil
	})
}

// PruneRateCounters deletes counters whose window has ended.
func (s *Store) PruneRateCounters(ctx context.Context, now time.Time) (int64, error) {
	var n int64
	err := s.tx(ctx, func(tx *gorm.DB) error {
		res := tx.Exec("DELETE FROM rate_counters WHERE reset_at <= ?", now.UnixMilli())
		n = res.RowsAffected
		return res.Error
	})
	if err != nil {
		return 0, fmt.Errorf("prune rate counters: %w", err)
	}
	return n, nil
}

// fastCommit lets PostgreSQL commit this transaction without waiting for
// its log to reach the disk: a crash may forget the last fraction of a
// second of counts, which a rate limit can afford, and every request that
// is counted no longer waits for a disk flush. (SQLite's WAL with
// synchronous=NORMAL already commits so.)
func fastCommit(tx *gorm.DB) error {
	if tx.Dialector.Name() != "postgres" {
		return nil
	}
	if err := tx.Exec("SET LOCAL synchronous_commit TO OFF").Error; err != nil {
		return fmt.Errorf("rate counters: %w", err)
	}
	return nil
}

// uniqueCounters drops repeated names (an upsert may touch a row only
// once) and sorts by name, so concurrent statements lock rows in the same
// order and never deadlock.
func uniqueCounters(cs []RateCounter) []RateCounter {
	seen := map[string]bool{}
	var out []RateCounter
	for _, c := range cs {
		if !seen[c.Name] {
			seen[c.Name] = true
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func uniqueNames(names []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}
