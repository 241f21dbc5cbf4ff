package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// RemoveEvidence removes the current file id with every earlier version of
// it, in one transaction with its audit event. Their rows stay (title,
// name, hash) for the history, but the bytes go unless another file still
// uses them (the same document elsewhere, or the previous cycle's copy),
// so removing frees the organisation's quota. A file already replaced or
// removed is a 409; a locked assessment or submitted contribution too.
func (s *Store) RemoveEvidence(ctx context.Context, by assessment.Actor, id int64) error {
	return s.tx(ctx, func(tx *gorm.DB) error {
		var f evidenceFileRow
		if err := tx.First(&f, id).Error; err != nil {
			return notFound(err, "file")
		}
		org, err := lockEvidenceTarget(tx, targetOf(f))
		if err != nil {
			return err
		}
		if err := tx.First(&f, id).Error; err != nil { // again, now that nothing can change it
			return notFound(err, "file")
		}
		if f.SupersededAt != nil || f.RemovedAt != nil {
			return assessment.Errorf(assessment.ECONFLICT, "this file was replaced or removed in the meantime; reload the page to see its current version")
		}
		var blobs []int64
		if err := tx.Model(&evidenceFileRow{}).Where("series_id = ? AND blob_id IS NOT NULL", f.SeriesID).Distinct().Pluck("blob_id", &blobs).Error; err != nil {
			return fmt.Errorf("find file versions: %w", err)
		}
		now := s.now()
		if err := tx.Model(&evidenceFileRow{}).Where("series_id = ?", f.SeriesID).
			Updates(map[string]any{"removed_at": now, "blob_id": nil}).Error; err != nil {
			return fmt.Errorf("remove file: %w", err)
		}
		if err := dropUnusedBlobs(tx, blobs); err != nil {
			return err
		}
		return appendAudit(tx, now, by, assessment.AuditEvent{OrganisationID: org, AssessmentID: f.AssessmentID, Action: "evidence.remove",
			Object: evidenceObject(f), Before: auditJSON(evidenceAudit(f))})
	})
}

// dropUnusedBlobs deletes those of ids no file refers to any more (their
// chunks go with them).
func dropUnusedBlobs(tx *gorm.DB, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	err := tx.Exec("DELETE FROM evidence_blobs WHERE id IN ? AND NOT EXISTS (SELECT 1 FROM evidence_files f WHERE f.blob_id = evidence_blobs.id)", ids).Error
	if err != nil {
		return fmt.Errorf("drop unused file contents: %w", err)
	}
	return nil
}

// dropOrphanBlobs deletes every blob no file refers to, after deletions
// that removed files by cascade (an organisation's assessments and the
// contributions made to them).
func dropOrphanBlobs(tx *gorm.DB) error {
	err := tx.Exec("DELETE FROM evidence_blobs WHERE NOT EXISTS (SELECT 1 FROM evidence_files f WHERE f.blob_id = evidence_blobs.id)").Error
	if err != nil {
		return fmt.Errorf("drop orphaned file contents: %w", err)
	}
	return nil
}
