package store

import (
	"errors"
	"log/slog"
	"regexp"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/mattn/go-sqlite3"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

func assessmentNotFound(what string) error { return assessment.NotFound(what) }

// Kinds of constraint violation, the same on both databases.
const (
	violUnique     = "unique"
	violForeignKey = "foreign_key"
	violCheck      = "check"
	violNotNull    = "not_null"
	violText       = "text" // PostgreSQL refused the bytes of a text (NUL, invalid UTF-8)
)

// violation is a write the database refused because of a constraint.
type violation struct {
	kind   string
	name   string // PostgreSQL's constraint name, or what SQLite names ("users.email", "index 'shares_active'")
	column string // the column at fault, when the database says
}

// constraintErrors says what a named constraint means to the person whose
// write it refused. Each is listed under PostgreSQL's constraint name and
// under SQLite's description of the same constraint.
var constraintErrors = map[string]func() *assessment.Error{}

func init() {
	for _, c := range []struct {
		names []string
		err   func() *assessment.Error
	}{
		{[]string{"users_email_key", "users.email"}, func() *assessment.Error {
			return assessment.FieldError("email", "a user with this email already exists")
		}},
		{[]string{"memberships_user_id_organisation_id_key", "memberships.user_id, memberships.organisation_id"}, func() *assessment.Error {
			return assessment.Errorf(assessment.ECONFLICT, "this person became a member of the organisation at the same moment; reload the page to see their role")
		}},
		{[]string{"contributions_assessment_id_organisation_id_key", "contributions.assessment_id, contributions.organisation_id"}, func() *assessment.Error {
			// The same answer (422 on the field) as CreateContribution's own check.
			return assessment.FieldError("organisation_id", "this organisation was asked to contribute to this assessment at the same moment; reload the page to see its contribution")
		}},
		{[]string{"shares_active", "index 'shares_active'"}, func() *assessment.Error {
			return assessment.Errorf(assessment.ECONFLICT, "the same share was made at the same moment; reload the page to see it")
		}},
		{[]string{"assessments_next_cycle", "assessments.previous_id"}, func() *assessment.Error {
			return assessment.Errorf(assessment.ECONFLICT, "the next cycle was started from this assessment at the same moment; reload the page to open it")
		}},
		{[]string{"invitations_open", "invitations.organisation_id, invitations.email"}, func() *assessment.Error {
			return withField(assessment.Errorf(assessment.ECONFLICT, "an invitation to this email was created at the same moment; reload the page to see it"), "email")
		}},
		{[]string{"password_resets_open", "password_resets.user_id"}, func() *assessment.Error {
			return assessment.Errorf(assessment.ECONFLICT, "another password reset link was created at the same moment; only the newest link works")
		}},
	} {
		for _, n := range c.names {
			constraintErrors[n] = c.err
		}
	}
}

func withField(e *assessment.Error, field string) *assessment.Error {
	e.Field = field
	return e
}

// constraintError turns a refused write into a domain error: a conflict
// (409) for duplicates and vanished references, invalid input (422, naming
// the column when the database does) for checks, missing values and text
// the database cannot store. Other errors pass through unchanged.
func constraintError(err error) error {
	v, ok := violationOf(err)
	if !ok {
		return err
	}
	slog.Info("write refused by a database constraint", "kind", v.kind, "constraint", v.name)
	if f, ok := constraintErrors[v.name]; ok {
		return f()
	}
	switch v.kind {
	case violUnique:
		return assessment.Errorf(assessment.ECONFLICT, "this already exists: it was created at the same moment; reload the page and try again")
	case violForeignKey:
		return withField(assessment.Errorf(assessment.ECONFLICT, "this refers to something that no longer exists; reload the page and try again"), v.column)
	case violNotNull:
		if v.column != "" {
			return assessment.FieldError(v.column, "is required")
		}
		return assessment.Errorf(assessment.EINVALID, "a required value is missing; check what you entered")
	case violCheck:
		if v.column != "" {
			return assessment.FieldError(v.column, "has a value that is not allowed")
		}
		return assessment.Errorf(assessment.EINVALID, "a value is not allowed here; check what you entered")
	}
	return assessment.Errorf(assessment.EINVALID, "the text contains characters that cannot be stored; remove control characters or paste it as plain text")
}

// violationOf recognises a constraint violation from either driver: pgx's
// SQLSTATE codes (23505, 23503, 23514, 23502; 22021 and 22P05 for bytes
// that are not text) or SQLite's extended result codes.
func violationOf(err error) (violation, bool) {
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		switch pg.Code {
		case "23505":
			return violation{violUnique, pg.ConstraintName, keyColumn(pg.Detail)}, true
		case "23503":
			return violation{violForeignKey, pg.ConstraintName, keyColumn(pg.Detail)}, true
		case "23514":
			return violation{violCheck, pg.ConstraintName, checkColumn(pg.TableName, pg.ConstraintName)}, true
		case "23502":
			return violation{violNotNull, pg.ConstraintName, pg.ColumnName}, true
		case "22021", "22P05":
			return violation{kind: violText}, true
		}
		return violation{}, false
	}
	var lite sqlite3.Error
	if !errors.As(err, &lite) {
		return violation{}, false
	}
	_, what, _ := strings.Cut(lite.Error(), "constraint failed: ")
	switch lite.ExtendedCode {
	case sqlite3.ErrConstraintUnique, sqlite3.ErrConstraintPrimaryKey:
		return violation{violUnique, what, ""}, true
	case sqlite3.ErrConstraintForeignKey:
		return violation{kind: violForeignKey}, true
	case sqlite3.ErrConstraintNotNull:
		return violation{violNotNull, what, lastColumn(what)}, true
	case sqlite3.ErrConstraintCheck:
		return violation{violCheck, what, firstWord(what)}, true
	}
	return violation{}, false
}

var keyRe = regexp.MustCompile(`^Key \(([a-z_]+)\)=`)

// keyColumn reads the column from PostgreSQL's detail "Key (email)=(…)
// already exists"; a key over several columns names none.
func keyColumn(detail string) string {
	if m := keyRe.FindStringSubmatch(detail); m != nil {
		return m[1]
	}
	return ""
}

// checkColumn reads the column from a check constraint PostgreSQL named
// itself: <table>_<column>_check.
func checkColumn(table, name string) string {
	col, ok := strings.CutPrefix(strings.TrimSuffix(name, "_check"), table+"_")
	if !ok || col == "" || col == name {
		return ""
	}
	return col
}

// lastColumn is "name" of SQLite's "users.name".
func lastColumn(s string) string {
	if i := strings.LastIndexByte(s, '.'); i >= 0 && !strings.Contains(s, ",") {
		return s[i+1:]
	}
	return ""
}

// firstWord is the column a SQLite check expression starts with
// ("confirmed_phase BETWEEN 0 AND 4"), when it is a plain name.
func firstWord(s string) string {
	w, _, _ := strings.Cut(s, " ")
	for _, r := range w {
		if (r < 'a' || r > 'z') && r != '_' {
			return ""
		}
	}
	return w
}
