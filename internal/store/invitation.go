package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// invitationRow is an assessment.Invitation in its table (the same fields,
// so the two convert into each other).
type invitationRow struct {
	ID             int64 `gorm:"primaryKey"`
	OrganisationID int64
	Email          string
	Role           assessment.Role
	Hash           string
	InvitedBy      *int64
	CreatedAt      time.Time
	ExpiresAt      time.Time
	UsedAt         *time.Time
	UsedBy         *int64
	RevokedAt      *time.Time
}

func (invitationRow) TableName() string { return "invitations" }

// errSpentLink is the one answer for unknown, expired, used and withdrawn
// links, so a guess learns nothing about which links exist.
// Each kind of link has its own whole sentence, so it can be translated.
func errSpentLink(what string) error {
	if what == "invitation" {
		return assessment.Errorf(assessment.ENOTFOUND, "This invitation link is not valid: it may have expired, been used already or been withdrawn. Ask for a new one.")
	}
	return assessment.Errorf(assessment.ENOTFOUND, "This password reset link is not valid: it may have expired, been used already or been withdrawn. Ask for a new one.")
}

// pending narrows a query to invitations that can still be accepted.
func pendingInvitations(q *gorm.DB, now time.Time) *gorm.DB {
	return q.Where("used_at IS NULL AND revoked_at IS NULL AND expires_at > ?", now)
}

// CreateInvitation stores an invitation. Inviting someone who is already a
// member is refused, so an old link can never change a member's role. A
// new invitation replaces the open one to the same email (whose link the
// inviter can no longer see), so only the newest link works; the
// organisation's lock and a unique index keep it one, even at once.
func (s *Store) CreateInvitation(ctx context.Context, by assessment.Actor, in assessment.Invitation) (assessment.Invitation, error) {
	inv := invitationRow(in)
	inv.Email = strings.ToLower(strings.TrimSpace(inv.Email))
	err := s.tx(ctx, func(tx *gorm.DB) error {
		inv.CreatedAt = s.now()
		if err := lockOrganisation(tx, inv.OrganisationID); err != nil {
			return notFound(err, "organisation")
		}
		var n int64
		err := tx.Model(&membershipRow{}).Joins("JOIN users ON users.id = memberships.user_id").
			Where("memberships.organisation_id = ? AND users.email = ?", inv.OrganisationID, inv.Email).Count(&n).Error
		if err != nil {
			return fmt.Errorf("check membership: %w", err)
		}
		if n > 0 {
			return assessment.FieldError("email", "belongs to someone who is already a member; change their role in the list instead")
		}
		var replaced []invitationRow
		open := func() *gorm.DB {
			return tx.Where("organisation_id = ? AND email = ? AND used_at IS NULL AND revoked_at IS NULL", inv.OrganisationID, inv.Email)
		}
		if err := open().Find(&replaced).Error; err != nil {
			return fmt.Errorf("load open invitations: %w", err)
		}
		if err := open().Model(&invitationRow{}).Update("revoked_at", inv.CreatedAt).Error; err != nil {
			return fmt.Errorf("replace open invitations: %w", err)
		}
		if err := tx.Create(&inv).Error; err != nil {
			return fmt.Errorf("insert invitation: %w", err)
		}
		for _, old := range replaced {
			if err := appendAudit(tx, inv.CreatedAt, by, assessment.AuditEvent{OrganisationID: inv.OrganisationID, Action: "invitation.revoke",
				Object: fmt.Sprintf("invitation %d", old.ID), Before: auditJSON(map[string]any{"email": old.Email, "role": old.Role}),
				After: auditJSON(map[string]any{"replaced_by": inv.ID})}); err != nil {
				return err
			}
		}
		return appendAudit(tx, inv.CreatedAt, by, assessment.AuditEvent{OrganisationID: inv.OrganisationID, Action: "invitation.create",
			Object: fmt.Sprintf("invitation %d", inv.ID),
			After:  auditJSON(map[string]any{"email": inv.Email, "role": inv.Role, "expires_at": inv.ExpiresAt})})
	})
	return assessment.Invitation(inv), err
}

// PendingInvitation finds an invitation that can still be accepted.
func (s *Store) PendingInvitation(ctx context.Context, hash string) (assessment.Invitation, error) {
	var inv invitationRow
	err := pendingInvitations(s.read(ctx), s.now()).Where("hash = ?", hash).First(&inv).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return assessment.Invitation{}, errSpentLink("invitation")
	}
	if err != nil {
		return assessment.Invitation{}, fmt.Errorf("load invitation: %w", err)
	}
	return assessment.Invitation(inv), nil
}

// Invitations lists an organisation's pending invitations, newest first.
func (s *Store) Invitations(ctx context.Context, orgID int64) ([]assessment.Invitation, error) {
	var rows []invitationRow
	if err := pendingInvitations(s.read(ctx), s.now()).Where("organisation_id = ?", orgID).Order("id DESC").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list invitations: %w", err)
	}
	out := make([]assessment.Invitation, len(rows))
	for i, r := range rows {
		out[i] = assessment.Invitation(r)
	}
	return out, nil
}

// RevokeInvitation withdraws a pending invitation of the organisation.
func (s *Store) RevokeInvitation(ctx context.Context, by assessment.Actor, orgID, id int64) error {
	return s.tx(ctx, func(tx *gorm.DB) error {
		now := s.now()
		var inv invitationRow
		if err := pendingInvitations(tx, now).Where("id = ? AND organisation_id = ?", id, orgID).First(&inv).Error; err != nil {
			return notFound(err, "invitation")
		}
		// Revoked only if still pending: an acceptance at the same moment wins
		// or loses whole.
		res := pendingInvitations(tx.Model(&invitationRow{}), now).Where("id = ?", id).Update("revoked_at", now)
		if res.Error != nil {
			return fmt.Errorf("revoke invitation: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return assessment.NotFound("invitation")
		}
		return appendAudit(tx, now, by, assessment.AuditEvent{OrganisationID: orgID, Action: "invitation.revoke",
			Object: fmt.Sprintf("invitation %d", id), Before: auditJSON(map[string]any{"email": inv.Email, "role": inv.Role})})
	})
}

// AcceptInvitation spends the invitation and makes its user a member, in one
// transaction. With newUser set, the account is created first (for the
// invitation's email); otherwise by.UserID must be the invited account.
// Someone already a member keeps their role.
func (s *Store) AcceptInvitation(ctx context.Context, by assessment.Actor, hash string, newUser *assessment.User) (assessment.User, assessment.Invitation, error) {
	var u userRow
	var inv invitationRow
	err := s.tx(ctx, func(tx *gorm.DB) error {
		now := s.now()
		if err := pendingInvitations(tx, now).Where("hash = ?", hash).First(&inv).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return errSpentLink("invitation")
			}
			return fmt.Errorf("load invitation: %w", err)
		}
		// The organisation first, as CreateInvitation locks it before the
		// invitations (the same order, so the two never deadlock).
		if err := lockOrganisation(tx, inv.OrganisationID); err != nil {
			return notFound(err, "organisation")
		}
		// Spent first, and only if still pending (not used, revoked or
		// replaced meanwhile): of two acceptances at once, one wins.
		res := pendingInvitations(tx.Model(&invitationRow{}), now).Where("id = ?", inv.ID).Update("used_at", now)
		if res.Error != nil {
			return fmt.Errorf("spend invitation: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return errSpentLink("invitation")
		}
		if newUser != nil {
			var err error
			if u, err = insertUser(tx, now, by, assessment.User{Email: inv.Email, Name: newUser.Name, Lang: newUser.Lang, PasswordHash: newUser.PasswordHash}); err != nil {
				return err
			}
			by.UserID, by.Name = u.ID, u.Name
		} else if err := tx.First(&u, by.UserID).Error; err != nil {
			return notFound(err, "user")
		}
		if u.Email != inv.Email {
			return assessment.Errorf(assessment.EFORBIDDEN, "This invitation is for %s, not for the account you are signed in with.", inv.Email)
		}
		if err := tx.Model(&invitationRow{}).Where("id = ?", inv.ID).Update("used_by", u.ID).Error; err != nil {
			return fmt.Errorf("spend invitation: %w", err)
		}
		if err := appendAudit(tx, now, by, assessment.AuditEvent{OrganisationID: inv.OrganisationID, Action: "invitation.accept",
			Object: fmt.Sprintf("invitation %d", inv.ID), After: auditJSON(map[string]any{"email": inv.Email, "role": inv.Role, "user_id": u.ID})}); err != nil {
			return err
		}
		m := membershipRow{UserID: u.ID, OrganisationID: inv.OrganisationID, Role: string(inv.Role), CreatedAt: now}
		res = tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "user_id"}, {Name: "organisation_id"}}, DoNothing: true}).Create(&m)
		if res.Error != nil {
			return fmt.Errorf("insert membership: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return nil // already a member: the role stays
		}
		return appendAudit(tx, now, by, assessment.AuditEvent{OrganisationID: inv.OrganisationID, Action: "membership.set",
			Object: fmt.Sprintf("user %d", u.ID), After: auditJSON(map[string]string{"role": m.Role})})
	})
	return u.domain(), assessment.Invitation(inv), err
}
