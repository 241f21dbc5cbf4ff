package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// Notification kinds.
const (
	NotifyAssigned  = "assigned"
	NotifyDueSoon   = "due_soon"
	NotifySubmitted = "submitted"
	NotifyReturned  = "returned"
	NotifyApproved  = "approved"
	NotifyShared    = "shared"
)

// Notification is one in-app message to one user.
type Notification struct {
	ID        int64 `gorm:"primaryKey"`
	UserID    int64
	Kind      string
	Message   string
	Link      string // a relative path in the app
	DedupeKey string // when set, a second notification with the same key is dropped
	CreatedAt time.Time
	ReadAt    *time.Time
}

// TableName maps Notification to its table.
func (Notification) TableName() string { return "notifications" }

// Notify stores notifications for several users in one transaction.
// Notifications with a DedupeKey already sent to a user are skipped, so
// "due soon" reminders can be generated repeatedly without repeating.
func (s *Store) Notify(ctx context.Context, ns ...Notification) error {
	return s.tx(ctx, func(tx *gorm.DB) error { return notifyTx(tx, s.now(), ns...) })
}

// notifyTx is Notify inside a caller's transaction, so a workflow step and
// its notifications land together.
func notifyTx(tx *gorm.DB, now time.Time, ns ...Notification) error {
	for i := range ns {
		ns[i].ID = 0
		ns[i].CreatedAt = now
		if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&ns[i]).Error; err != nil {
			return fmt.Errorf("insert notification: %w", err)
		}
	}
	return nil
}

// Notifications lists a user's notifications, unread first, newest first.
func (s *Store) Notifications(ctx context.Context, userID int64, limit int) ([]Notification, error) {
	if limit <= 0 || limit > 200 {
		limit = 50
	}
	var out []Notification
	err := s.read(ctx).Where("user_id = ?", userID).Order("read_at IS NOT NULL, id DESC").Limit(limit).Find(&out).Error
	if err != nil {
		return nil, fmt.Errorf("list notifications: %w", err)
	}
	return out, nil
}

// UnreadNotifications counts a user's unread notifications.
func (s *Store) UnreadNotifications(ctx context.Context, userID int64) (int64, error) {
	var n int64
	err := s.read(ctx).Model(&Notification{}).Where("user_id = ? AND read_at IS NULL", userID).Count(&n).Error
	return n, err
}

// MarkNotificationsRead marks the given notifications of the user (all when
// ids is empty; at most assessment.MaxIDs) as read.
func (s *Store) MarkNotificationsRead(ctx context.Context, userID int64, ids []int64) error {
	if err := assessment.CheckIDs("ids", len(ids)); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *gorm.DB) error {
		q := tx.Model(&Notification{}).Where("user_id = ? AND read_at IS NULL", userID)
		if len(ids) > 0 {
			q = q.Where("id IN ?", ids)
		}
		return q.Update("read_at", s.now()).Error
	})
}
