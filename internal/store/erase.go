package store

import (
	"context"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"gorm.io/gorm"
)

// Erasure says what erasing a person did.
type Erasure struct {
	UserID    int64
	Pseudonym string // "Former user 17"
	Email     string // the account's new, undeliverable address
	Rows      int64  // text values rewritten across the database
	// NameKept is true when the name was not searched for in free text,
	// because another account has the same name (so it does not identify
	// this person) or it is shorter than three letters.
	NameKept bool
	// Ownerless lists organisations left without an owner.
	Ownerless []int64
}

// EraseUser forgets a person, in one transaction: their account keeps only
// a stable pseudonym ("Former user 17") and an undeliverable address; their
// sessions, reset links, memberships, assignments and own notifications are
// deleted and their API tokens revoked; and their name and email are
// replaced by the pseudonym in every text column of every table (answers'
// and judgements' authors, comments, notifications, invitations, audit
// events' actor, object and before/after JSON), found through the
// database's catalogue. The answers themselves stay. The audit trail
// records the erasure without the erased data.
func (s *Store) EraseUser(ctx context.Context, by assessment.Actor, userID int64) (Erasure, error) {
	out := Erasure{UserID: userID, Pseudonym: assessment.FormerUserName(userID), Email: assessment.FormerUserEmail(userID)}
	err := s.tx(ctx, func(tx *gorm.DB) error {
		// Locked, so two erasures at once run one after the other and the
		// second finds the account already erased.
		if err := lockRow(tx, "users", userID); err != nil {
			return notFound(err, "user")
		}
		var u userRow
		if err := tx.First(&u, userID).Error; err != nil {
			return notFound(err, "user")
		}
		if assessment.IsErasedEmail(u.Email) {
			return assessment.Errorf(assessment.ECONFLICT, "this account was already erased")
		}
		var namesakes int64
		if err := tx.Model(&userRow{}).Where("name = ? AND id <> ?", u.Name, userID).Count(&namesakes).Error; err != nil {
			return err
		}
		out.NameKept = namesakes > 0 || utf8.RuneCountInString(u.Name) < 3
		var err error
		if out.Ownerless, err = revokeAccess(tx, s.now(), userID); err != nil {
			return err
		}
		err = tx.Model(&userRow{}).Where("id = ?", userID).Updates(map[string]any{"name": out.Pseudonym, "email": out.Email,
			"password_hash": "", "lang": "", "is_admin": false}).Error
		if err != nil {
			return fmt.Errorf("erase account: %w", err)
		}
		name := u.Name
		if out.NameKept {
			name = ""
		}
		err = withAuditUnlock(tx, "erase", time.Time{}, func() error {
			// Events the person made name them as actor, whatever the sweep finds.
			res := tx.Exec("UPDATE audit_events SET actor = ?, ip = '' WHERE user_id = ?", out.Pseudonym, userID)
			if res.Error != nil {
				return fmt.Errorf("erase audit actor: %w", res.Error)
			}
			n, err := sweep(tx, s.dialect, newReplacer(u.Email, out.Email, name, out.Pseudonym))
			out.Rows = res.RowsAffected + n
			return err
		})
		if err != nil {
			return err
		}
		return appendAudit(tx, s.now(), by, assessment.AuditEvent{Action: "user.erase", Object: fmt.Sprintf("user %d", userID),
			After: auditJSON(map[string]any{"values_rewritten": out.Rows, "name_kept": out.NameKept})})
	})
	return out, err
}

// revokeAccess ends everything that lets the person in or reach them, and
// returns the organisations they leave without an owner.
func revokeAccess(tx *gorm.DB, now time.Time, userID int64) ([]int64, error) {
	var owned []int64
	err := tx.Model(&membershipRow{}).Where("user_id = ? AND role = ?", userID, string(assessment.RoleOwner)).
		Order("organisation_id").Pluck("organisation_id", &owned).Error
	if err != nil {
		return nil, err
	}
	// The organisations' locks (in id order), so the owners counted below
	// are not changing meanwhile (see keepAnOwner).
	for _, org := range owned {
		if err := lockOrganisation(tx, org); err != nil {
			return nil, notFound(err, "organisation")
		}
	}
	steps := []struct {
		what string
		run  func() error
	}{
		{"sessions", func() error { return tx.Where("user_id = ?", userID).Delete(&sessionRow{}).Error }},
		{"reset links", func() error { return tx.Where("user_id = ?", userID).Delete(&passwordResetRow{}).Error }},
		{"tokens", func() error {
			return tx.Model(&tokenRow{}).Where("user_id = ? AND revoked_at IS NULL", userID).Update("revoked_at", now).Error
		}},
		{"assignments", func() error { return tx.Where("user_id = ?", userID).Delete(&assignmentRow{}).Error }},
		{"memberships", func() error { return tx.Where("user_id = ?", userID).Delete(&membershipRow{}).Error }},
		{"notifications", func() error { return tx.Where("user_id = ?", userID).Delete(&notificationRow{}).Error }},
	}
	for _, st := range steps {
		if err := st.run(); err != nil {
			return nil, fmt.Errorf("erase %s: %w", st.what, err)
		}
	}
	var ownerless []int64
	for _, org := range owned {
		var n int64
		if err := tx.Model(&membershipRow{}).Where("organisation_id = ? AND role = ?", org, string(assessment.RoleOwner)).Count(&n).Error; err != nil {
			return nil, err
		}
		if n == 0 {
			ownerless = append(ownerless, org)
		}
	}
	return ownerless, nil
}
