package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"gorm.io/gorm"
)

// tokenRow is an assessment.Token in its table.
type tokenRow struct {
	ID         int64 `gorm:"primaryKey"`
	UserID     int64
	Name       string
	Hash       string
	CreatedAt  time.Time
	ExpiresAt  time.Time
	LastUsedAt *time.Time
	RevokedAt  *time.Time
}

func (tokenRow) TableName() string { return "api_tokens" }

// CreateToken stores a new token hash.
func (s *Store) CreateToken(ctx context.Context, by assessment.Actor, in assessment.Token) (assessment.Token, error) {
	t := tokenRow(in)
	t.CreatedAt = s.now()
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(&t).Error; err != nil {
			return fmt.Errorf("insert token: %w", err)
		}
		return appendAudit(tx, t.CreatedAt, by, assessment.AuditEvent{Action: "token.create", Object: fmt.Sprintf("token %d", t.ID),
			After: auditJSON(map[string]any{"name": t.Name, "expires_at": t.ExpiresAt})})
	})
	return assessment.Token(t), err
}

// TokenByHash finds a live token (not revoked, not expired) and records its use.
func (s *Store) TokenByHash(ctx context.Context, hash string) (assessment.Token, error) {
	var t tokenRow
	now := s.now()
	err := s.read(ctx).Where("hash = ? AND revoked_at IS NULL AND expires_at > ?", hash, now).First(&t).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return assessment.Token{}, assessment.Errorf(assessment.EUNAUTHORIZED, "the API token is unknown, expired or revoked")
	}
	if err != nil {
		return assessment.Token{}, fmt.Errorf("load token: %w", err)
	}
	// Record use at most once a minute, to keep reads from becoming writes.
	if t.LastUsedAt == nil || now.Sub(*t.LastUsedAt) > time.Minute {
		_ = s.tx(ctx, func(tx *gorm.DB) error {
			return tx.Model(&tokenRow{}).Where("id = ?", t.ID).Update("last_used_at", now).Error
		})
		t.LastUsedAt = &now
	}
	return assessment.Token(t), nil
}

// Tokens lists a user's tokens, newest first.
func (s *Store) Tokens(ctx context.Context, userID int64) ([]assessment.Token, error) {
	var rows []tokenRow
	if err := s.read(ctx).Where("user_id = ?", userID).Order("id DESC").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list tokens: %w", err)
	}
	out := make([]assessment.Token, len(rows))
	for i, r := range rows {
		out[i] = assessment.Token(r)
	}
	return out, nil
}

// RevokeToken revokes one of the user's tokens.
func (s *Store) RevokeToken(ctx context.Context, by assessment.Actor, userID, tokenID int64) error {
	return s.tx(ctx, func(tx *gorm.DB) error {
		now := s.now()
		res := tx.Model(&tokenRow{}).Where("id = ? AND user_id = ? AND revoked_at IS NULL", tokenID, userID).Update("revoked_at", now)
		if res.Error != nil {
			return fmt.Errorf("revoke token: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return assessment.NotFound("token")
		}
		return appendAudit(tx, now, by, assessment.AuditEvent{Action: "token.revoke", Object: fmt.Sprintf("token %d", tokenID)})
	})
}
