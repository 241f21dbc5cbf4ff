package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// passwordResetRow is an assessment.PasswordReset in its table.
type passwordResetRow struct {
	ID        int64 `gorm:"primaryKey"`
	UserID    int64
	Hash      string
	CreatedBy *int64
	CreatedAt time.Time
	ExpiresAt time.Time
	UsedAt    *time.Time
}

func (passwordResetRow) TableName() string { return "password_resets" }

func pendingResets(q *gorm.DB, now time.Time) *gorm.DB {
	return q.Where("used_at IS NULL AND expires_at > ?", now)
}

// CreatePasswordReset stores a reset link for a user. Older unused links of
// the user are spent, so only the newest one works; a unique index keeps
// it so when two links are asked for at once (the second is a conflict).
func (s *Store) CreatePasswordReset(ctx context.Context, by assessment.Actor, in assessment.PasswordReset) (assessment.PasswordReset, error) {
	r := passwordResetRow(in)
	err := s.tx(ctx, func(tx *gorm.DB) error {
		r.CreatedAt = s.now()
		var u userRow
		if err := tx.First(&u, r.UserID).Error; err != nil {
			return notFound(err, "user")
		}
		// Expired links too: the index counts every unused row.
		if err := tx.Model(&passwordResetRow{}).Where("user_id = ? AND used_at IS NULL", r.UserID).Update("used_at", r.CreatedAt).Error; err != nil {
			return fmt.Errorf("spend older reset links: %w", err)
		}
		if err := tx.Create(&r).Error; err != nil {
			return fmt.Errorf("insert password reset: %w", err)
		}
		return appendAudit(tx, r.CreatedAt, by, assessment.AuditEvent{Action: "password.reset_link", Object: fmt.Sprintf("user %d", r.UserID),
			After: auditJSON(map[string]any{"expires_at": r.ExpiresAt})})
	})
	return assessment.PasswordReset(r), err
}

// PendingPasswordReset finds a reset link that can still be used, with its user.
func (s *Store) PendingPasswordReset(ctx context.Context, hash string) (assessment.PasswordReset, assessment.User, error) {
	var r passwordResetRow
	err := pendingResets(s.read(ctx), s.now()).Where("hash = ?", hash).First(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return assessment.PasswordReset{}, assessment.User{}, errSpentLink("password reset")
	}
	if err != nil {
		return assessment.PasswordReset{}, assessment.User{}, fmt.Errorf("load password reset: %w", err)
	}
	u, err := s.User(ctx, r.UserID)
	return assessment.PasswordReset(r), u, err
}

// ResetPassword spends the link and sets the new password hash, ending
// every session of the user and spending their other reset links, in one
// transaction. API tokens stay; the change says how many are still active.
func (s *Store) ResetPassword(ctx context.Context, by assessment.Actor, hash, passwordHash string) (assessment.User, PasswordChange, error) {
	var (
		u   userRow
		out PasswordChange
	)
	err := s.tx(ctx, func(tx *gorm.DB) error {
		now := s.now()
		var r passwordResetRow
		if err := pendingResets(tx, now).Where("hash = ?", hash).First(&r).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return errSpentLink("password reset")
			}
			return fmt.Errorf("load password reset: %w", err)
		}
		if err := tx.First(&u, r.UserID).Error; err != nil {
			return notFound(err, "user")
		}
		// Spent only if still pending: of two uses at once, one wins.
		res := pendingResets(tx.Model(&passwordResetRow{}), now).Where("id = ?", r.ID).Update("used_at", now)
		if res.Error != nil {
			return fmt.Errorf("spend password reset: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return errSpentLink("password reset")
		}
		if by.UserID == 0 {
			by.UserID, by.Name = u.ID, u.Name
		}
		var err error
		out, err = setPasswordTx(tx, now, by, u.ID, passwordHash, "password.reset", false)
		return err
	})
	return u.domain(), out, err
}
