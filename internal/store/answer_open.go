package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// An API save checks the lock rule with a shared lock on the assessment's
// row, not a write: saves of one assessment then commit side by side
// instead of one after the other (on PostgreSQL each waited for the one
// before it to commit). The shared lock still conflicts with every update
// of the row, so an approval (an update of its status) waits for the saves
// holding it to commit, and a save that asks after an approval waits for it
// and sees "approved" (READ COMMITTED reads the newest version of a row it
// locks): a save falls wholly before an approval or is refused.
//
// PostgreSQL lets a shared row lock in whenever only shared locks are
// held, so a steady stream of saves would keep an approval waiting; saves
// and the writers that lock the assessment alone therefore also take their
// turn in a fair queue (takeTurn, an advisory lock on the assessment in
// the same mode), where a waiting writer holds back the saves behind it.
//
// The assessment's updated_at ("last change": the home page's column, the
// API's field, the PDF caches' key beside their content digest) is bumped
// by a save only when it is older than touchEvery, by one save of this
// process at a time (touchMemo), so it is never older than the newest save
// by more than that, and saves wait for a touch about once a second.

// touchEvery is how far behind the newest save updated_at may be.
const touchEvery = time.Second

// turnClass is the first key of the assessments' advisory locks (the
// second is the assessment's id); "MNR" in ASCII.
const turnClass = 0x4d4e52

var (
	touchIfOldSQL = newRawSQL("UPDATE assessments SET updated_at = ? WHERE id = ? AND status NOT IN (" +
		placeholders(len(assessment.LockedStatuses())) + ") AND updated_at < ? RETURNING organisation_id")
	// openSQL takes the shared turn and the shared row lock in one
	// statement. The row's status is checked when it is locked, after the
	// turn, whatever order the two are taken in.
	openSQL = rawSQL{
		sqlite: "SELECT organisation_id, updated_at FROM assessments WHERE id = ? AND status NOT IN (" + placeholders(len(assessment.LockedStatuses())) + ")",
		postgres: "SELECT a.organisation_id, a.updated_at FROM (SELECT pg_advisory_xact_lock_shared(" + fmt.Sprint(turnClass) +
			", ($1::bigint % 2147483648)::int4)) t, assessments a WHERE a.id = $1 AND a.status NOT IN (" + dollarList(2, len(assessment.LockedStatuses())) +
			") FOR SHARE OF a",
	}
)

// dollarList is "$from, $from+1, …" for n values.
func dollarList(from, n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = "$" + strconv.Itoa(from+i)
	}
	return strings.Join(parts, ", ")
}

// takeTurn queues tx for its exclusive turn at assessment id (see above),
// held to its end; SQLite's writers already run one at a time. Call it just
// before taking the assessment's row lock for a write.
func takeTurn(tx *gorm.DB, id int64) error {
	if tx.Dialector.Name() != "postgres" {
		return nil
	}
	if err := tx.Exec("SELECT pg_advisory_xact_lock(?, (?::bigint % 2147483648)::int4)", turnClass, id).Error; err != nil {
		return fmt.Errorf("wait for the assessment: %w", err)
	}
	return nil
}

// openForSave applies the lock rule for a save to the assessment id and
// returns its organisation, for the audit event: with the conditional
// touch (in its exclusive turn) when touch is set, otherwise, or when the
// assessment was touched meanwhile, under the shared turn and lock.
func (s *Store) openForSave(tx *gorm.DB, id int64, now time.Time, touch bool) (org int64, touched bool, err error) {
	locked := lockedArgs
	if touch {
		if err := takeTurn(tx, id); err != nil {
			return 0, false, err
		}
		args := append(append([]any{now, id}, locked...), now.Add(-touchEvery))
		switch err := s.rawQueryRow(tx, touchIfOldSQL, args...).Scan(&org); {
		case err == nil:
			return org, true, nil
		case !errors.Is(err, sql.ErrNoRows):
			return 0, false, fmt.Errorf("touch assessment: %w", err)
		}
	}
	var at time.Time
	switch err := s.rawQueryRow(tx, openSQL, append([]any{id}, locked...)...).Scan(&org, &at); {
	case err == nil:
		s.touched.saw(id, at) // under the shared lock: committed, and it only moves forward
		return org, false, nil
	case !errors.Is(err, sql.ErrNoRows):
		return 0, false, fmt.Errorf("lock assessment: %w", err)
	}
	return 0, false, whyNotWritten(tx, id)
}

// saveTx runs a save's transaction fn, which opens the assessment with
// openForSave(touch), and keeps touchMemo right. When the save that was to
// touch fails after other saves went without touching, it touches alone,
// so their changes are never left older than updated_at says.
func (s *Store) saveTx(ctx context.Context, id int64, now time.Time, fn func(tx *gorm.DB, touch bool) (touched bool, err error)) error {
	touch := s.touched.claim(id, now)
	touched := false
	err := s.groupTx(ctx, func(tx *gorm.DB) (err error) {
		touched, err = fn(tx, touch)
		return err
	})
	if !touch {
		return err
	}
	if skipped := s.touched.release(id, now, err == nil && touched); err != nil && skipped {
		if terr := s.touchAlone(ctx, id); terr != nil {
			slog.Warn("touch after a failed save", "assessment", id, "err", terr)
		}
	}
	return err
}

// touchAlone is the conditional touch in a transaction of its own.
func (s *Store) touchAlone(ctx context.Context, id int64) error {
	now := s.now()
	return s.tx(context.WithoutCancel(ctx), func(tx *gorm.DB) error {
		if err := takeTurn(tx, id); err != nil {
			return err
		}
		var orgs []int64
		args := append(append([]any{now, id}, lockedArgs...), now.Add(-touchEvery))
		return tx.Raw(touchIfOldSQL.sqlite, args...).Scan(&orgs).Error
	})
}

// lockedArgs are the locked statuses as query arguments, made once: every
// save passes them (appended to a new slice, never changed).
var lockedArgs = stringArgs(assessment.LockedStatuses())

func stringArgs(list []string) []any {
	out := make([]any, len(list))
	for i, v := range list {
		out[i] = v
	}
	return out
}
