package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// SessionRecord is a server-side session: the cookie holds only its id.
type SessionRecord struct {
	ID         string
	UserID     int64
	Data       string
	UserAgent  string
	IP         string
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time
}

type sessionRow struct {
	ID         string `gorm:"primaryKey"`
	UserID     *int64
	Data       string
	UserAgent  string
	IP         string
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time
}

func (sessionRow) TableName() string { return "sessions" }

func (r sessionRow) record() SessionRecord {
	out := SessionRecord{ID: r.ID, Data: r.Data, UserAgent: r.UserAgent, IP: r.IP, CreatedAt: r.CreatedAt, LastSeenAt: r.LastSeenAt, ExpiresAt: r.ExpiresAt}
	if r.UserID != nil {
		out.UserID = *r.UserID
	}
	return out
}

// SaveSession stores a new session.
func (s *Store) SaveSession(ctx context.Context, rec SessionRecord) error {
	row := sessionRow{ID: rec.ID, Data: rec.Data, UserAgent: rec.UserAgent, IP: rec.IP,
		CreatedAt: rec.CreatedAt, LastSeenAt: rec.LastSeenAt, ExpiresAt: rec.ExpiresAt}
	if rec.UserID != 0 {
		row.UserID = &rec.UserID
	}
	return s.tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(&row).Error; err != nil {
			return fmt.Errorf("save session: %w", err)
		}
		return nil
	})
}

// UpdateSession rewrites an existing session's data and activity. It never
// creates one: a session ended meanwhile (sign-out everywhere, a new
// password) stays ended even if a request that read it before still
// finishes; ok is false then.
func (s *Store) UpdateSession(ctx context.Context, rec SessionRecord) (ok bool, err error) {
	var uid *int64
	if rec.UserID != 0 {
		uid = &rec.UserID
	}
	err = s.tx(ctx, func(tx *gorm.DB) error {
		res := tx.Model(&sessionRow{}).Where("id = ?", rec.ID).Updates(map[string]any{"user_id": uid, "data": rec.Data,
			"user_agent": rec.UserAgent, "ip": rec.IP, "last_seen_at": rec.LastSeenAt, "expires_at": rec.ExpiresAt})
		if res.Error != nil {
			return fmt.Errorf("update session: %w", res.Error)
		}
		ok = res.RowsAffected == 1
		return nil
	})
	return ok, err
}

// Session loads a live session; expired or missing ones return ok=false.
// On SQLite a row read at the current data version is used again
// (version_cache.go).
func (s *Store) Session(ctx context.Context, id string) (SessionRecord, bool, error) {
	now, v := s.now(), s.currentVersion(ctx)
	if v != "" {
		if rec, ok := s.cachedSession(v, id); ok && rec.ExpiresAt.After(now) {
			return rec, true, nil
		}
	}
	var row sessionRow
	err := s.read(ctx).Where("id = ? AND expires_at > ?", id, now).First(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return SessionRecord{}, false, nil
	}
	if err != nil {
		return SessionRecord{}, false, fmt.Errorf("load session: %w", err)
	}
	if v != "" {
		s.keepSession(v, id, row.record())
	}
	return row.record(), true, nil
}

// DeleteSession ends one session.
func (s *Store) DeleteSession(ctx context.Context, id string) error {
	return s.tx(ctx, func(tx *gorm.DB) error { return tx.Where("id = ?", id).Delete(&sessionRow{}).Error })
}

// DeleteUserSessions ends every session of a user ("sign out everywhere").
func (s *Store) DeleteUserSessions(ctx context.Context, userID int64) error {
	return s.tx(ctx, func(tx *gorm.DB) error { return tx.Where("user_id = ?", userID).Delete(&sessionRow{}).Error })
}

// UserSessions lists a user's live sessions, most recent first.
func (s *Store) UserSessions(ctx context.Context, userID int64) ([]SessionRecord, error) {
	var rows []sessionRow
	if err := s.read(ctx).Where("user_id = ? AND expires_at > ?", userID, s.now()).Order("last_seen_at DESC").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list sessions: %w", err)
	}
	out := make([]SessionRecord, len(rows))
	for i, r := range rows {
		out[i] = r.record()
	}
	return out, nil
}

// PurgeSessions deletes expired sessions; run now and then.
func (s *Store) PurgeSessions(ctx context.Context) error {
	return s.tx(ctx, func(tx *gorm.DB) error { return tx.Where("expires_at <= ?", s.now()).Delete(&sessionRow{}).Error })
}

// EndUserSessions ends every session of a user ("sign out everywhere") and
// records it, in one transaction.
func (s *Store) EndUserSessions(ctx context.Context, by assessment.Actor, userID int64) error {
	return s.tx(ctx, func(tx *gorm.DB) error {
		res := tx.Where("user_id = ?", userID).Delete(&sessionRow{})
		if res.Error != nil {
			return fmt.Errorf("end sessions: %w", res.Error)
		}
		return appendAudit(tx, s.now(), by, assessment.AuditEvent{Action: "auth.signout_everywhere", Object: fmt.Sprintf("user %d", userID),
			After: auditJSON(map[string]int64{"sessions_ended": res.RowsAffected})})
	})
}
