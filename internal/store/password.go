package store

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// PasswordChange is what a new password ended, for the page that confirms it.
type PasswordChange struct {
	SessionsEnded     int64 // every session of the user; the web layer signs the current browser in again
	ResetLinksSpent   int64 // unused reset links, which would otherwise still work
	TokensRevoked     int64 // API tokens, only when asked
	TokensStillActive int64 // API tokens left working
}

// SetPassword replaces the hash, ends every session of the user and spends
// their unused reset links, in one transaction, so a stolen session or a
// mailed link dies with the old password. API tokens are revoked only when
// revokeTokens is set: scripts keep working unless the user asks.
func (s *Store) SetPassword(ctx context.Context, by assessment.Actor, userID int64, hash string, revokeTokens bool) (PasswordChange, error) {
	var out PasswordChange
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var err error
		out, err = setPasswordTx(tx, s.now(), by, userID, hash, "user.password", revokeTokens)
		return err
	})
	return out, err
}

func setPasswordTx(tx *gorm.DB, now time.Time, by assessment.Actor, userID int64, hash, action string, revokeTokens bool) (PasswordChange, error) {
	var out PasswordChange
	res := tx.Model(&userRow{}).Where("id = ?", userID).Updates(map[string]any{"password_hash": hash, "password_changed_at": now})
	if res.Error != nil {
		return out, fmt.Errorf("update password: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return out, assessment.NotFound("user")
	}
	res = tx.Where("user_id = ?", userID).Delete(&sessionRow{})
	if res.Error != nil {
		return out, fmt.Errorf("end sessions: %w", res.Error)
	}
	out.SessionsEnded = res.RowsAffected
	res = tx.Model(&passwordResetRow{}).Where("user_id = ? AND used_at IS NULL", userID).Update("used_at", now)
	if res.Error != nil {
		return out, fmt.Errorf("spend reset links: %w", res.Error)
	}
	out.ResetLinksSpent = res.RowsAffected
	live := func() *gorm.DB {
		return tx.Model(&tokenRow{}).Where("user_id = ? AND revoked_at IS NULL AND expires_at > ?", userID, now)
	}
	if revokeTokens {
		res = live().Update("revoked_at", now)
		if res.Error != nil {
			return out, fmt.Errorf("revoke tokens: %w", res.Error)
		}
		out.TokensRevoked = res.RowsAffected
	}
	if err := live().Count(&out.TokensStillActive).Error; err != nil {
		return out, fmt.Errorf("count tokens: %w", err)
	}
	return out, appendAudit(tx, now, by, assessment.AuditEvent{Action: action, Object: fmt.Sprintf("user %d", userID),
		After: auditJSON(map[string]int64{"sessions_ended": out.SessionsEnded, "reset_links_spent": out.ResetLinksSpent,
			"tokens_revoked": out.TokensRevoked, "tokens_active": out.TokensStillActive})})
}
