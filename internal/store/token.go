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

// TokenByHash finds a live token (not revoked, not expired) and records its
// use: from the cache (gen_cache.go) while the principal generation
// is the one it was read at, so a revoked token is refused at once.
func (s *Store) TokenByHash(ctx context.Context, hash string) (assessment.Token, error) {
	gen, err := s.currentGeneration(ctx)
	if err != nil {
		return assessment.Token{}, err
	}
	return s.tokenAt(ctx, gen, hash)
}

// TokenPrincipal is TokenByHash and the token's user's Principal, with
// one statement while both are cached.
func (s *Store) TokenPrincipal(ctx context.Context, hash string) (assessment.Token, PrincipalContent, error) {
	gen, err := s.currentGeneration(ctx)
	if err != nil {
		return assessment.Token{}, PrincipalContent{}, err
	}
	t, err := s.tokenAt(ctx, gen, hash)
	if err != nil {
		return t, PrincipalContent{}, err
	}
	if p, ok := s.principals.get(gen, t.UserID); ok {
		return t, p, nil
	}
	p, err := s.Principal(ctx, t.UserID)
	return t, p, err
}

// tokenAt is TokenByHash with the generation read.
func (s *Store) tokenAt(ctx context.Context, gen int64, hash string) (assessment.Token, error) {
	now := s.now()
	t, ok := s.tokens.get(gen, hash)
	if !ok {
		var err error
		if t, gen, err = s.readToken(ctx, hash, now); err != nil {
			return t, err
		}
	}
	if !t.ExpiresAt.After(now) {
		return assessment.Token{}, unknownToken()
	}
	// Record use at most once a minute, to keep reads from becoming writes.
	if t.LastUsedAt == nil || now.Sub(*t.LastUsedAt) > time.Minute {
		_ = s.tx(ctx, func(tx *gorm.DB) error {
			return tx.Model(&tokenRow{}).Where("id = ?", t.ID).Update("last_used_at", now).Error
		})
		t.LastUsedAt = &now
	}
	s.tokens.put(gen, t.Hash, t)
	return t, nil
}

func unknownToken() error {
	return assessment.Errorf(assessment.EUNAUTHORIZED, "the API token is unknown, expired or revoked")
}

// readToken reads a live token and the generation before it, in one read
// transaction.
func (s *Store) readToken(ctx context.Context, hash string, now time.Time) (assessment.Token, int64, error) {
	var (
		t   tokenRow
		gen int64
	)
	err := s.read(ctx).Transaction(func(tx *gorm.DB) (err error) {
		if gen, err = s.generation(tx); err != nil {
			return err
		}
		return tx.Where("hash = ? AND revoked_at IS NULL AND expires_at > ?", hash, now).First(&t).Error
	})
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return assessment.Token{}, 0, unknownToken()
	}
	if err != nil {
		return assessment.Token{}, 0, fmt.Errorf("load token: %w", err)
	}
	return assessment.Token(t), gen, nil
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
