package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// PendingMail lists notifications created since the given time that have
// not been mailed yet, oldest first: the outbox, so every notification is
// mailed once whichever part of the application created it.
func (s *Store) PendingMail(ctx context.Context, since time.Time, limit int) ([]assessment.MailItem, error) {
	var rows []notificationRow
	err := s.read(ctx).Where("mailed_at IS NULL AND created_at >= ?", since).Order("id").Limit(limit).Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("list pending mail: %w", err)
	}
	return s.withRecipients(ctx, rows)
}

// withRecipients adds each notification's recipient address and language.
func (s *Store) withRecipients(ctx context.Context, ns []notificationRow) ([]assessment.MailItem, error) {
	if len(ns) == 0 {
		return nil, nil
	}
	ids := make([]int64, len(ns))
	for i, n := range ns {
		ids[i] = n.UserID
	}
	var users []userRow
	if err := s.read(ctx).Select("id, email, lang").Where("id IN ?", ids).Find(&users).Error; err != nil {
		return nil, fmt.Errorf("list recipients: %w", err)
	}
	recipient := map[int64]userRow{}
	for _, u := range users {
		recipient[u.ID] = u
	}
	out := make([]assessment.MailItem, len(ns))
	for i, n := range ns {
		u := recipient[n.UserID]
		out[i] = assessment.MailItem{Notification: n.domain(), Email: u.Email, Lang: u.Lang}
	}
	return out, nil
}

// ClaimMail marks a notification as mailed before it is sent; false means
// another sender claimed it first. A failed send is not retried: the
// notification stays in the app either way.
func (s *Store) ClaimMail(ctx context.Context, id int64) (bool, error) {
	var claimed bool
	err := s.tx(ctx, func(tx *gorm.DB) error {
		res := tx.Exec("UPDATE notifications SET mailed_at = ? WHERE id = ? AND mailed_at IS NULL", s.now(), id)
		claimed = res.RowsAffected == 1
		return res.Error
	})
	return claimed, err
}
