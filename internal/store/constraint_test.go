package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// Every kind of constraint violation comes back as a domain error with the
// same code (and field, where the database names it) on both databases.
func TestConstraintViolationsAreDomainErrors(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			_, a := setup(t, s)
			now := time.Now().UTC()
			u, err := s.CreateUser(ctx, assessment.System, assessment.User{Email: "one@example.org", Name: "One", PasswordHash: "x"})
			if err != nil {
				t.Fatal(err)
			}
			cases := []struct {
				name        string
				sql         string
				args        []any
				code, field string
				says        string
			}{
				{"unique email", "INSERT INTO users (email, name, password_hash, password_changed_at, created_at) VALUES (?, 'Two', 'x', ?, ?)",
					[]any{"one@example.org", now, now}, assessment.EINVALID, "email", "already exists"},
				{"foreign key", "INSERT INTO memberships (user_id, organisation_id, role, created_at) VALUES (?, ?, 'viewer', ?)",
					[]any{u.ID, 999999, now}, assessment.ECONFLICT, "", "no longer exists"},
				{"check", "UPDATE capability_states SET confirmed_phase = 9 WHERE assessment_id = ?",
					[]any{a.ID}, assessment.EINVALID, "confirmed_phase", "not allowed"},
				{"not null", "INSERT INTO organisations (name, kind, country, created_at) VALUES (NULL, 'ngo', 'JO', ?)",
					[]any{now}, assessment.EINVALID, "name", "required"},
				{"next cycle twice", "INSERT INTO assessments (organisation_id, title, period, framework_version, created_at, updated_at, previous_id) VALUES (?, 'a', '1', 'v', ?, ?, ?), (?, 'b', '1', 'v', ?, ?, ?)",
					[]any{a.OrganisationID, now, now, a.ID, a.OrganisationID, now, now, a.ID}, assessment.ECONFLICT, "", "next cycle"},
			}
			for _, c := range cases {
				err := s.ExecForTest(ctx, c.sql, c.args...)
				de, ok := assessment.AsError(err)
				if !ok || de.Code != c.code || (c.field != "" && de.Field != c.field) || !strings.Contains(de.Message, c.says) {
					t.Errorf("%s: %v, want %s on %q saying %q", c.name, err, c.code, c.field, c.says)
				}
			}
			if name == "postgres" { // SQLite stores any bytes; the domain refuses them before either database sees them
				err := s.ExecForTest(ctx, "UPDATE users SET name = ? WHERE id = ?", "bad\x00name", u.ID)
				if assessment.ErrorCode(err) != assessment.EINVALID {
					t.Errorf("NUL in text: %v", err)
				}
			}
			// The audit trail's own refusal is not a constraint and keeps its words.
			if err := s.TamperAuditForTest(ctx); err == nil || !strings.Contains(err.Error(), "append-only") {
				t.Errorf("audit tampering: %v", err)
			}
		})
	}
}
