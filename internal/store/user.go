package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"gorm.io/gorm"
)

type userRow struct {
	ID                int64 `gorm:"primaryKey"`
	Email             string
	Name              string
	Lang              string
	PasswordHash      string
	IsAdmin           bool
	PasswordChangedAt time.Time
	CreatedAt         time.Time
}

func (userRow) TableName() string { return "users" }

func (r userRow) domain() assessment.User {
	return assessment.User{ID: r.ID, Email: r.Email, Name: r.Name, Lang: r.Lang, PasswordHash: r.PasswordHash,
		Admin: r.IsAdmin, PasswordChangedAt: r.PasswordChangedAt, CreatedAt: r.CreatedAt}
}

type membershipRow struct {
	ID             int64 `gorm:"primaryKey"`
	UserID         int64
	OrganisationID int64
	Role           string
	CreatedAt      time.Time
}

func (membershipRow) TableName() string { return "memberships" }

func (r membershipRow) domain() assessment.Membership {
	return assessment.Membership{ID: r.ID, UserID: r.UserID, OrganisationID: r.OrganisationID, Role: assessment.Role(r.Role), CreatedAt: r.CreatedAt}
}

// CreateUser inserts a user; the email must be unused (compared case-insensitively).
func (s *Store) CreateUser(ctx context.Context, by assessment.Actor, u assessment.User) (assessment.User, error) {
	var row userRow
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var err error
		row, err = insertUser(tx, s.now(), by, u)
		return err
	})
	return row.domain(), err
}

// insertUser is CreateUser inside a caller's transaction, so accepting an
// invitation can create the account and the membership together.
func insertUser(tx *gorm.DB, now time.Time, by assessment.Actor, u assessment.User) (userRow, error) {
	row := userRow{Email: strings.ToLower(strings.TrimSpace(u.Email)), Name: u.Name, Lang: u.Lang,
		PasswordHash: u.PasswordHash, IsAdmin: u.Admin, PasswordChangedAt: now, CreatedAt: now}
	// The unique index on email decides, also between two sign-ups at once;
	// constraintError words its refusal.
	if err := tx.Create(&row).Error; err != nil {
		return row, fmt.Errorf("insert user: %w", err)
	}
	if by.UserID == 0 && by.Name == "" {
		by.UserID, by.Name = row.ID, row.Name
	}
	return row, appendAudit(tx, now, by, assessment.AuditEvent{Action: "user.create", Object: fmt.Sprintf("user %d", row.ID),
		After: auditJSON(map[string]any{"email": row.Email, "name": row.Name, "admin": row.IsAdmin})})
}

// UserByEmail finds a user by email, case-insensitively.
func (s *Store) UserByEmail(ctx context.Context, email string) (assessment.User, error) {
	var row userRow
	err := s.read(ctx).Where("email = ?", strings.ToLower(strings.TrimSpace(email))).First(&row).Error
	if err != nil {
		return assessment.User{}, notFound(err, "user")
	}
	return row.domain(), nil
}

// User finds a user by id.
func (s *Store) User(ctx context.Context, id int64) (assessment.User, error) {
	var row userRow
	if err := s.read(ctx).First(&row, id).Error; err != nil {
		return assessment.User{}, notFound(err, "user")
	}
	return row.domain(), nil
}

// Users lists users by name; ids limits the list unless nil.
func (s *Store) Users(ctx context.Context, ids []int64) ([]assessment.User, error) {
	q := s.read(ctx).Order("name, id")
	if ids != nil {
		if len(ids) == 0 {
			return nil, nil
		}
		q = q.Where("id IN ?", ids)
	}
	var rows []userRow
	if err := q.Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	out := make([]assessment.User, len(rows))
	for i, r := range rows {
		out[i] = r.domain()
	}
	return out, nil
}

// SetUserProfile updates the display name and preferred language.
func (s *Store) SetUserProfile(ctx context.Context, by assessment.Actor, userID int64, name, lang string) error {
	return s.tx(ctx, func(tx *gorm.DB) error {
		// Locked, so the audit event's "before" is what this change replaced.
		if err := lockRow(tx, "users", userID); err != nil {
			return notFound(err, "user")
		}
		var cur userRow
		if err := tx.First(&cur, userID).Error; err != nil {
			return notFound(err, "user")
		}
		if err := tx.Model(&userRow{}).Where("id = ?", userID).Updates(map[string]any{"name": name, "lang": lang}).Error; err != nil {
			return fmt.Errorf("update profile: %w", err)
		}
		return appendAudit(tx, s.now(), by, assessment.AuditEvent{Action: "user.profile", Object: fmt.Sprintf("user %d", userID),
			Before: auditJSON(map[string]string{"name": cur.Name, "lang": cur.Lang}), After: auditJSON(map[string]string{"name": name, "lang": lang})})
	})
}

// AddMembership gives a user a role in an organisation, or changes the role
// of an existing membership (never the last owner's: see keepAnOwner).
func (s *Store) AddMembership(ctx context.Context, by assessment.Actor, m assessment.Membership) (assessment.Membership, error) {
	var row membershipRow
	err := s.tx(ctx, func(tx *gorm.DB) error {
		now := s.now()
		if err := lockOrganisation(tx, m.OrganisationID); err != nil {
			return notFound(err, "organisation")
		}
		err := tx.Where("user_id = ? AND organisation_id = ?", m.UserID, m.OrganisationID).First(&row).Error
		before := ""
		switch {
		case err == nil:
			if err := keepAnOwner(tx, row, m.Role); err != nil {
				return err
			}
			before = auditJSON(map[string]string{"role": row.Role})
			row.Role = string(m.Role)
			if err := tx.Model(&membershipRow{}).Where("id = ?", row.ID).Update("role", row.Role).Error; err != nil {
				return fmt.Errorf("update membership: %w", err)
			}
		case errors.Is(err, gorm.ErrRecordNotFound):
			row = membershipRow{UserID: m.UserID, OrganisationID: m.OrganisationID, Role: string(m.Role), CreatedAt: now}
			if err := tx.Create(&row).Error; err != nil {
				return fmt.Errorf("insert membership: %w", err)
			}
		default:
			return err
		}
		return appendAudit(tx, now, by, assessment.AuditEvent{OrganisationID: m.OrganisationID, Action: "membership.set",
			Object: fmt.Sprintf("user %d", m.UserID), Before: before, After: auditJSON(map[string]string{"role": row.Role})})
	})
	return row.domain(), err
}

// RemoveMembership takes a user out of an organisation, with the
// capabilities assigned to them there. The last owner cannot leave: an
// organisation without an owner could never manage its members again.
func (s *Store) RemoveMembership(ctx context.Context, by assessment.Actor, orgID, userID int64) error {
	return s.tx(ctx, func(tx *gorm.DB) error {
		if err := lockOrganisation(tx, orgID); err != nil {
			return notFound(err, "membership")
		}
		var row membershipRow
		if err := tx.Where("user_id = ? AND organisation_id = ?", userID, orgID).First(&row).Error; err != nil {
			return notFound(err, "membership")
		}
		if err := keepAnOwner(tx, row, ""); err != nil {
			return err
		}
		if err := tx.Delete(&membershipRow{}, row.ID).Error; err != nil {
			return fmt.Errorf("delete membership: %w", err)
		}
		err := tx.Where("user_id = ? AND assessment_id IN (?)", userID, tx.Model(&assessmentRow{}).Select("id").Where("organisation_id = ?", orgID)).
			Delete(&assignmentRow{}).Error
		if err != nil {
			return fmt.Errorf("delete assignments: %w", err)
		}
		return appendAudit(tx, s.now(), by, assessment.AuditEvent{OrganisationID: orgID, Action: "membership.remove",
			Object: fmt.Sprintf("user %d", userID), Before: auditJSON(map[string]string{"role": row.Role})})
	})
}

// Memberships lists a user's memberships.
func (s *Store) Memberships(ctx context.Context, userID int64) ([]assessment.Membership, error) {
	var rows []membershipRow
	if err := s.read(ctx).Where("user_id = ?", userID).Order("organisation_id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list memberships: %w", err)
	}
	out := make([]assessment.Membership, len(rows))
	for i, r := range rows {
		out[i] = r.domain()
	}
	return out, nil
}

// Members lists an organisation's memberships.
func (s *Store) Members(ctx context.Context, orgID int64) ([]assessment.Membership, error) {
	var rows []membershipRow
	if err := s.read(ctx).Where("organisation_id = ?", orgID).Order("id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list members: %w", err)
	}
	out := make([]assessment.Membership, len(rows))
	for i, r := range rows {
		out[i] = r.domain()
	}
	return out, nil
}
