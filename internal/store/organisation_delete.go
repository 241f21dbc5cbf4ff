package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"gorm.io/gorm"
)

// orgScope lists, per table, the rows that are an organisation's data, as
// a condition on that table with ? standing for the organisation's id.
// The export and the deletion use the same list, so nothing is deleted
// that was not exported.
var orgScope = []struct{ table, where, columns string }{
	{"organisations", "id = ?", "*"},
	{"memberships", "organisation_id = ?", "*"},
	{"users", "id IN (SELECT user_id FROM memberships WHERE organisation_id = ?)", "id, email, name, lang, created_at"},
	{"invitations", "organisation_id = ?", "id, organisation_id, email, role, invited_by, created_at, expires_at, used_at, used_by, revoked_at"},
	{"assessments", "organisation_id = ?", "*"},
	{"capability_states", "assessment_id IN (SELECT id FROM assessments WHERE organisation_id = ?)", "*"},
	{"answers", "assessment_id IN (SELECT id FROM assessments WHERE organisation_id = ?)", "*"},
	{"assignments", "assessment_id IN (SELECT id FROM assessments WHERE organisation_id = ?)", "*"},
	{"comments", "assessment_id IN (SELECT id FROM assessments WHERE organisation_id = ?)", "*"},
	{"contributions", "organisation_id = ? OR assessment_id IN (SELECT id FROM assessments WHERE organisation_id = ?)", "*"},
	{"contribution_capabilities", "contribution_id IN (SELECT id FROM contributions WHERE organisation_id = ? OR assessment_id IN (SELECT id FROM assessments WHERE organisation_id = ?))", "*"},
	{"contribution_answers", "contribution_id IN (SELECT id FROM contributions WHERE organisation_id = ? OR assessment_id IN (SELECT id FROM assessments WHERE organisation_id = ?))", "*"},
	{"shares", "organisation_id = ? OR partner_organisation_id = ?", "*"},
	{"evidence_files", "organisation_id = ? OR assessment_id IN (SELECT id FROM assessments WHERE organisation_id = ?)", "*"},
	{"evidence_blobs", evidenceBlobScope, "*"},
	{"evidence_chunks", "blob_id IN (SELECT id FROM evidence_blobs WHERE " + evidenceBlobScope + ")", "*"},
	{"audit_events", "organisation_id = ?", "*"},
}

// OrganisationExportTables names the tables of an organisation's data, in
// the order an export writes them (see EachOrganisationRow).
func OrganisationExportTables() []string {
	out := make([]string, len(orgScope))
	for i, sc := range orgScope {
		out[i] = sc.table
	}
	return out
}

// EachOrganisationRow calls fn with every row of one table of an
// organisation's data (see orgScope) as column → value: what
// DeleteOrganisation removes, plus its members' names and addresses and
// its audit trail; password and link hashes are left out. One row is held
// at a time, so exporting gigabytes of evidence files takes one file
// chunk of memory. The files' bytes come as []byte.
func (s *Store) EachOrganisationRow(ctx context.Context, id int64, table string, fn func(map[string]any) error) error {
	for _, sc := range orgScope {
		if sc.table != table {
			continue
		}
		rows, err := s.read(ctx).Raw("SELECT "+sc.columns+" FROM "+sc.table+" WHERE "+sc.where, orgArgs(sc.where, id)...).Rows()
		if err != nil {
			return fmt.Errorf("export %s: %w", sc.table, err)
		}
		if err := eachRowMap(rows, fn); err != nil {
			return fmt.Errorf("export %s: %w", sc.table, err)
		}
		return nil
	}
	return fmt.Errorf("export: %s is not a table of an organisation's data", table)
}

// evidenceBlobScope is an organisation's stored file contents and those of
// the files attached to its assessments (agencies' contributions).
const evidenceBlobScope = "organisation_id = ? OR id IN (SELECT blob_id FROM evidence_files WHERE assessment_id IN (SELECT id FROM assessments WHERE organisation_id = ?))"

func orgArgs(where string, id int64) []any {
	args := make([]any, strings.Count(where, "?"))
	for i := range args {
		args[i] = id
	}
	return args
}

// DeleteOrganisation removes an organisation and its data: assessments
// (with their answers, judgements, assignments and comments), the
// contributions it made or was asked for, shares either way, memberships,
// invitations, and notifications pointing at its assessments. confirm must
// be the organisation's exact name. Its audit trail stays (it is pruned by
// age like any other) and a new event records the deletion, with export
// describing where its data was exported. Member accounts stay.
func (s *Store) DeleteOrganisation(ctx context.Context, by assessment.Actor, id int64, confirm, export string) (map[string]int64, error) {
	counts := map[string]int64{}
	err := s.tx(ctx, func(tx *gorm.DB) error {
		// The strongest lock: rows that refer to the organisation cannot be
		// added while it goes, and member or invitation changes (which take
		// lockOrganisation) wait and then find it gone.
		if err := lockRowForDelete(tx, "organisations", id); err != nil {
			return notFound(err, "organisation")
		}
		var org organisationRow
		if err := tx.First(&org, id).Error; err != nil {
			return notFound(err, "organisation")
		}
		if err := assessment.CheckDeleteConfirm(org.domain(), confirm); err != nil {
			return err
		}
		for _, sc := range orgScope {
			if sc.table == "users" || sc.table == "audit_events" {
				continue
			}
			var n int64
			if err := tx.Table(sc.table).Where(sc.where, orgArgs(sc.where, id)...).Count(&n).Error; err != nil {
				return fmt.Errorf("count %s: %w", sc.table, err)
			}
			counts[sc.table] = n
		}
		var ids []int64
		if err := tx.Model(&assessmentRow{}).Where("organisation_id = ?", id).Pluck("id", &ids).Error; err != nil {
			return err
		}
		for _, a := range ids {
			p := assessment.AssessmentLink(a)
			if err := tx.Where("link = ? OR link LIKE ?", p, p+"/%").Delete(&notificationRow{}).Error; err != nil {
				return fmt.Errorf("delete notifications: %w", err)
			}
		}
		steps := []struct{ what, sql string }{
			{"contributions", "DELETE FROM contributions WHERE organisation_id = ? OR assessment_id IN (SELECT id FROM assessments WHERE organisation_id = ?)"},
			{"shares", "DELETE FROM shares WHERE organisation_id = ? OR partner_organisation_id = ?"},
			{"assessments", "DELETE FROM assessments WHERE organisation_id = ?"},
			{"organisation", "DELETE FROM organisations WHERE id = ?"},
		}
		for _, st := range steps {
			if err := tx.Exec(st.sql, orgArgs(st.sql, id)...).Error; err != nil {
				return fmt.Errorf("delete %s: %w", st.what, err)
			}
		}
		// Files of agencies' contributions to its assessments went with
		// them; their bytes go too.
		if err := dropOrphanBlobs(tx); err != nil {
			return err
		}
		return appendAudit(tx, s.now(), by, assessment.AuditEvent{OrganisationID: id, Action: "organisation.delete",
			Object: fmt.Sprintf("organisation %d", id), Before: auditJSON(map[string]any{"name": org.Name, "country": org.Country, "rows": counts}),
			After: auditJSON(map[string]string{"export": export})})
	})
	return counts, err
}
