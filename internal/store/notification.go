package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

type notificationRow struct {
	ID        int64 `gorm:"primaryKey"`
	UserID    int64
	Kind      string
	Message   string
	Link      string
	DedupeKey string
	CreatedAt time.Time
	ReadAt    *time.Time
}

func (notificationRow) TableName() string { return "notifications" }

func (r notificationRow) domain() assessment.Notification {
	return assessment.Notification{ID: r.ID, UserID: r.UserID, Kind: r.Kind, Message: r.Message, Link: r.Link,
		DedupeKey: r.DedupeKey, CreatedAt: r.CreatedAt, ReadAt: r.ReadAt}
}

// Notify stores notifications for several users in one transaction.
// Notifications with a DedupeKey already sent to a user are skipped, so
// "due soon" reminders can be generated repeatedly without repeating.
func (s *Store) Notify(ctx context.Context, ns ...assessment.Notification) error {
	return s.tx(ctx, func(tx *gorm.DB) error { return notifyTx(tx, s.now(), ns...) })
}

// notifyTx is Notify inside a caller's transaction; it fills in each
// notification's id (0 when a dedupe key dropped it) and time.
func notifyTx(tx *gorm.DB, now time.Time, ns ...assessment.Notification) error {
	for i, n := range ns {
		row := notificationRow{UserID: n.UserID, Kind: n.Kind, Message: n.Message, Link: n.Link, DedupeKey: n.DedupeKey, CreatedAt: now}
		if err := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&row).Error; err != nil {
			return fmt.Errorf("insert notification: %w", err)
		}
		ns[i].ID, ns[i].CreatedAt = row.ID, now
	}
	return nil
}

// writeNotices expands the notices' audiences and stores their
// notifications inside the transaction of the change they report,
// returning what it stored.
func writeNotices(tx *gorm.DB, now time.Time, notices ...assessment.Notice) ([]assessment.Notification, error) {
	var out []assessment.Notification
	for _, n := range notices {
		users := []int64{n.UserID}
		if n.UserID == 0 {
			var err error
			if users, err = membersWithRoles(tx, n.OrganisationID, n.Roles...); err != nil {
				return nil, err
			}
		}
		for _, u := range users {
			if u != n.Except {
				out = append(out, n.To(u))
			}
		}
	}
	return out, notifyTx(tx, now, out...)
}

// Notifications lists a user's notifications, unread first, newest first.
func (s *Store) Notifications(ctx context.Context, userID int64, limit int) ([]assessment.Notification, error) {
	if limit <= 0 || limit > 200 {
		limit = 50
	}
	var rows []notificationRow
	err := s.read(ctx).Where("user_id = ?", userID).Order("read_at IS NOT NULL, id DESC").Limit(limit).Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("list notifications: %w", err)
	}
	out := make([]assessment.Notification, len(rows))
	for i, r := range rows {
		out[i] = r.domain()
	}
	return out, nil
}

// UnreadNotifications counts a user's unread notifications.
func (s *Store) UnreadNotifications(ctx context.Context, userID int64) (int64, error) {
	var n int64
	err := s.read(ctx).Model(&notificationRow{}).Where("user_id = ? AND read_at IS NULL", userID).Count(&n).Error
	return n, err
}

// MarkNotificationsRead marks the given notifications of the user (all when
// ids is empty; at most assessment.MaxIDs) as read.
func (s *Store) MarkNotificationsRead(ctx context.Context, userID int64, ids []int64) error {
	if err := assessment.CheckIDs("ids", len(ids)); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *gorm.DB) error {
		q := tx.Model(&notificationRow{}).Where("user_id = ? AND read_at IS NULL", userID)
		if len(ids) > 0 {
			q = q.Where("id IN ?", ids)
		}
		return q.Update("read_at", s.now()).Error
	})
}
