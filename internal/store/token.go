package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"gorm.io/gorm"
)

// Token is a personal access token; only its hash is stored.
type Token struct {
	ID         int64 `gorm:"primaryKey"`
	UserID     int64
	Name       string
	Hash       string
	CreatedAt  time.Time
	ExpiresAt  time.Time
	LastUsedAt *time.Time
	RevokedAt  *time.Time
}

// TableName maps Token to its table.
func (Token) TableName() string { return "api_tokens" }

// CreateToken stores a new token hash.
func (s *Store) CreateToken(ctx context.Context, by assessment.Actor, t Token) (Token, error) {
	t.CreatedAt = s.now()
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(&t).Error; err != nil {
			return fmt.Errorf("insert token: %w", err)
		}
		return appendAudit(tx, t.CreatedAt, by, AuditEvent{Action: "token.create", Object: fmt.Sprintf("token %d", t.ID),
			After: auditJSON(map[string]any{"name": t.Name, "expires_at": t.ExpiresAt})})
	})
	return t, err
}

// TokenByHash finds a live token (not revoked, not expired) and records its use.
func (s *Store) TokenByHash(ctx context.Context, hash string) (Token, error) {
	var t Token
	now := s.now()
	err := s.read(ctx).Where("hash = ? AND revoked_at IS NULL AND expires_at > ?", hash, now).First(&t).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return Token{}, assessment.Errorf(assessment.EUNAUTHORIZED, "the API token is unknown, expired or revoked")
	}
	if err != nil {
		return Token{}, fmt.Errorf("load token: %w", err)
	}
	// Record use at most once a minute, to keep reads from becoming writes.
	if t.LastUsedAt == nil || now.Sub(*t.LastUsedAt) > time.Minute {
		_ = s.tx(ctx, func(tx *gorm.DB) error {
			return tx.Model(&Token{}).Where("id = ?", t.ID).Update("last_used_at", now).Error
		})
		t.LastUsedAt = &now
	}
	return t, nil
}

// Tokens lists a user's tokens, newest first.
func (s *Store) Tokens(ctx context.Context, userID int64) ([]Token, error) {
	var out []Token
	if err := s.read(ctx).Where("user_id = ?", userID).Order("id DESC").Find(&out).Error; err != nil {
		return nil, fmt.Errorf("list tokens: %w", err)
	}
	return out, nil
}

// RevokeToken revokes one of the user's tokens.
func (s *Store) RevokeToken(ctx context.Context, by assessment.Actor, userID, tokenID int64) error {
	return s.tx(ctx, func(tx *gorm.DB) error {
		now := s.now()
		res := tx.Model(&Token{}).Where("id = ? AND user_id = ? AND revoked_at IS NULL", tokenID, userID).Update("revoked_at", now)
		if res.Error != nil {
			return fmt.Errorf("revoke token: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return assessment.NotFound("token")
		}
		return appendAudit(tx, now, by, AuditEvent{Action: "token.revoke", Object: fmt.Sprintf("token %d", tokenID)})
	})
}
