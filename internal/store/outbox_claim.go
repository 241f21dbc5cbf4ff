package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// ClaimOutbox claims up to limit notifications waiting to be mailed
// (created since since, not mailed, not under another sender's unexpired
// claim) for holder until now+ttl, and returns them oldest first with their
// recipients. On PostgreSQL the candidates are locked FOR UPDATE SKIP
// LOCKED, so concurrent senders on several instances take disjoint rows
// without waiting for each other; SQLite's single writer serialises the
// same statement. A sender that dies leaves its claims to expire, and the
// rows are then claimed again.
func (s *Store) ClaimOutbox(ctx context.Context, holder string, since time.Time, limit int, ttl time.Duration) ([]assessment.MailItem, error) {
	if holder == "" || limit <= 0 || ttl <= 0 {
		return nil, fmt.Errorf("claim outbox: holder, a positive limit and a positive ttl are required")
	}
	now := s.now()
	lock := ""
	if s.dialect == "postgres" {
		lock = " FOR UPDATE SKIP LOCKED"
	}
	var ids []int64
	err := s.tx(ctx, func(tx *gorm.DB) error {
		return tx.Raw(`UPDATE notifications SET claimed_by = ?, claimed_until = ?
			WHERE id IN (SELECT id FROM notifications
				WHERE mailed_at IS NULL AND created_at >= ? AND (claimed_until IS NULL OR claimed_until < ?)
				ORDER BY id LIMIT ?`+lock+`)
			RETURNING id`, holder, now.Add(ttl), since, now, limit).Scan(&ids).Error
	})
	if err != nil {
		return nil, fmt.Errorf("claim outbox: %w", err)
	}
	if len(ids) == 0 {
		return nil, nil
	}
	var ns []notificationRow
	if err := s.w.WithContext(ctx).Where("id IN ?", ids).Order("id").Find(&ns).Error; err != nil {
		return nil, fmt.Errorf("read claimed outbox: %w", err)
	}
	return s.withRecipients(ctx, ns)
}

// MarkMailed records that holder mailed notification id. It returns false
// when holder no longer holds the claim (it expired and another sender took
// the row), so a slow sender learns it may have sent a duplicate.
func (s *Store) MarkMailed(ctx context.Context, holder string, id int64) (bool, error) {
	res := s.w.WithContext(ctx).Exec(`UPDATE notifications SET mailed_at = ?, claimed_until = NULL
		WHERE id = ? AND claimed_by = ? AND mailed_at IS NULL`, s.now(), id, holder)
	if res.Error != nil {
		return false, fmt.Errorf("mark mailed: %w", res.Error)
	}
	return res.RowsAffected == 1, nil
}

// ReleaseOutbox gives back holder's claim on a notification it could not
// mail, so the next round (of any sender) tries it again.
func (s *Store) ReleaseOutbox(ctx context.Context, holder string, id int64) error {
	err := s.w.WithContext(ctx).Exec(`UPDATE notifications SET claimed_until = NULL
		WHERE id = ? AND claimed_by = ? AND mailed_at IS NULL`, id, holder).Error
	if err != nil {
		return fmt.Errorf("release outbox: %w", err)
	}
	return nil
}
