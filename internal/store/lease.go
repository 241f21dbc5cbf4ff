package store

import (
	"context"
	"fmt"
	"time"
)

// ClaimLease takes or renews the lease on a named job for ttl. It returns
// true when holder now holds it: the lease was free, had expired, or was
// already holder's. It is one conditional write (an upsert whose update
// applies only WHERE holder = holder OR expires_at < now), so on
// PostgreSQL under READ COMMITTED, as on SQLite's single writer, two
// instances can never both get true for the same unexpired lease.
//
// Use one lease per scheduled job (backups, reminders) with ttl at least
// as long as a run; holder names the instance (see Holder).
func (s *Store) ClaimLease(ctx context.Context, name, holder string, ttl time.Duration) (bool, error) {
	if name == "" || holder == "" || ttl <= 0 {
		return false, fmt.Errorf("claim lease: name, holder and a positive ttl are required")
	}
	now := s.now()
	res := s.w.WithContext(ctx).Exec(`INSERT INTO job_leases (name, holder, acquired_at, expires_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
		WHERE job_leases.holder = excluded.holder OR job_leases.expires_at < ?`, name, holder, now, now.Add(ttl), now)
	if res.Error != nil {
		return false, fmt.Errorf("claim lease %s: %w", name, res.Error)
	}
	return res.RowsAffected == 1, nil
}

// ReleaseLease gives up holder's lease early (at shutdown), so another
// instance need not wait for it to expire. Releasing a lease held by
// someone else does nothing.
func (s *Store) ReleaseLease(ctx context.Context, name, holder string) error {
	err := s.w.WithContext(ctx).Exec("DELETE FROM job_leases WHERE name = ? AND holder = ?", name, holder).Error
	if err != nil {
		return fmt.Errorf("release lease %s: %w", name, err)
	}
	return nil
}

// Lease is the current state of a job's lease.
type Lease struct {
	Name, Holder          string
	AcquiredAt, ExpiresAt time.Time
}

// LeaseOf reads a job's lease; ok is false when nobody ever took it.
func (s *Store) LeaseOf(ctx context.Context, name string) (l Lease, ok bool, err error) {
	var rows []Lease
	err = s.read(ctx).Raw("SELECT name, holder, acquired_at, expires_at FROM job_leases WHERE name = ?", name).Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return Lease{}, false, err
	}
	return rows[0], true, nil
}
