package store

import (
	"fmt"

	"gorm.io/gorm"
)

// lockRow takes the write lock on one row for the rest of the transaction,
// so a rule that reads other rows before writing (an organisation keeps an
// owner; one next cycle per assessment) is checked by one transaction at a
// time. On PostgreSQL that is SELECT … FOR NO KEY UPDATE (which still lets
// other transactions insert rows that refer to this one); SQLite's writers
// already run one at a time (immediate transactions), so a plain read does.
// A missing row is gorm.ErrRecordNotFound.
func lockRow(tx *gorm.DB, table string, id int64) error {
	return lockWith(tx, table, id, "NO KEY UPDATE")
}

// lockRowForDelete is lockRow for a row about to be deleted: FOR UPDATE,
// which also holds off inserts of rows that refer to it.
func lockRowForDelete(tx *gorm.DB, table string, id int64) error {
	return lockWith(tx, table, id, "UPDATE")
}

func lockWith(tx *gorm.DB, table string, id int64, strength string) error {
	q := "SELECT id FROM " + table + " WHERE id = ?"
	if tx.Dialector.Name() == "postgres" {
		q += " FOR " + strength
	}
	var ids []int64
	if err := tx.Raw(q, id).Scan(&ids).Error; err != nil {
		return fmt.Errorf("lock %s %d: %w", table, id, err)
	}
	if len(ids) == 0 {
		return gorm.ErrRecordNotFound
	}
	return nil
}

// lockOrganisation serialises changes to an organisation's memberships and
// invitations: every transaction that adds, changes or removes a member,
// or invites one, holds it.
func lockOrganisation(tx *gorm.DB, orgID int64) error { return lockRow(tx, "organisations", orgID) }

// unlockedAssessment is lockedCheck: the assessment's row locked, then
// refused when approved, returning its organisation.
func unlockedAssessment(tx *gorm.DB, id int64) (int64, error) { return lockedCheck(tx, id) }
