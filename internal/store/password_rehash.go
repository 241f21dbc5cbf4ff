package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// RehashPassword stores a new hash of the same password, made with
// today's parameters, in place of old. Only if old is still the stored
// hash: a password changed meanwhile is never overwritten. The password
// itself is unchanged, so sessions, reset links and tokens stay, and no
// audit event is written. It reports whether the hash was replaced.
func (s *Store) RehashPassword(ctx context.Context, userID int64, old, hash string) (bool, error) {
	var replaced bool
	err := s.tx(ctx, func(tx *gorm.DB) error {
		res := tx.Model(&userRow{}).Where("id = ? AND password_hash = ?", userID, old).Update("password_hash", hash)
		replaced = res.RowsAffected == 1
		return res.Error
	})
	if err != nil {
		return false, fmt.Errorf("rehash password of user %d: %w", userID, err)
	}
	return replaced, nil
}
