package store

import (
	"context"
	"fmt"
	"io"
	"time"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// EvidenceTarget names the indicator a file is attached to: of an
// assessment, or of one agency's contribution to it (ContributionID > 0).
type EvidenceTarget struct {
	AssessmentID   int64
	ContributionID int64
	ActionID       int64 // a plan action's file: no indicator, no contribution
	IndicatorKey   string
}

// EvidenceUpload is a checked file on its way in. Body is read once, in
// pieces, inside the transaction that stores it.
type EvidenceUpload struct {
	Meta        assessment.EvidenceMeta
	ContentType string // decided from the bytes by the caller
	Quota       int64  // bytes the organisation may store; 0: no limit
	Body        io.Reader
}

// AddEvidence stores files on t's indicator in one transaction: their
// bytes (once per organisation and content), their rows and an audit event
// each; on any error nothing stays. A locked assessment or a submitted
// contribution refuses them (409), as do the size and quota limits (413).
func (s *Store) AddEvidence(ctx context.Context, by assessment.Actor, t EvidenceTarget, ups ...EvidenceUpload) ([]assessment.EvidenceFile, error) {
	var out []assessment.EvidenceFile
	err := s.tx(ctx, func(tx *gorm.DB) error {
		out = nil
		org, err := lockEvidenceTarget(tx, t)
		if err != nil {
			return err
		}
		for _, up := range ups {
			row, err := s.insertEvidence(tx, by, org, t, up, nil)
			if err != nil {
				return err
			}
			err = appendAudit(tx, s.now(), by, assessment.AuditEvent{OrganisationID: org, AssessmentID: t.AssessmentID, Action: "evidence.add",
				Object: evidenceObject(row), After: auditJSON(evidenceAudit(row))})
			if err != nil {
				return err
			}
			out = append(out, row.domain())
		}
		return nil
	})
	return out, err
}

// ReplaceEvidence stores a new version of the current file id: same series,
// next version number; the old version stays readable as history. A file
// already replaced or removed is a 409.
func (s *Store) ReplaceEvidence(ctx context.Context, by assessment.Actor, id int64, up EvidenceUpload) (assessment.EvidenceFile, error) {
	var out evidenceFileRow
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var old evidenceFileRow
		if err := tx.First(&old, id).Error; err != nil {
			return notFound(err, "file")
		}
		t := targetOf(old)
		org, err := lockEvidenceTarget(tx, t)
		if err != nil {
			return err
		}
		now := s.now()
		res := tx.Model(&evidenceFileRow{}).Where("id = ? AND superseded_at IS NULL AND removed_at IS NULL", id).Update("superseded_at", now)
		if res.Error != nil {
			return fmt.Errorf("supersede file: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return assessment.Errorf(assessment.ECONFLICT, "this file was replaced or removed in the meantime; reload the page to see its current version")
		}
		if out, err = s.insertEvidence(tx, by, org, t, up, &old); err != nil {
			return err
		}
		return appendAudit(tx, now, by, assessment.AuditEvent{OrganisationID: org, AssessmentID: t.AssessmentID, Action: "evidence.replace",
			Object: evidenceObject(out), Before: auditJSON(evidenceAudit(old)), After: auditJSON(evidenceAudit(out))})
	})
	return out.domain(), err
}

// insertEvidence writes the bytes and the file's row; prev, when given, is
// the version it replaces.
func (s *Store) insertEvidence(tx *gorm.DB, by assessment.Actor, org int64, t EvidenceTarget, up EvidenceUpload, prev *evidenceFileRow) (evidenceFileRow, error) {
	blob, err := s.putBlob(tx, org, up.Body, up.Quota)
	if err != nil {
		return evidenceFileRow{}, err
	}
	row := evidenceFileRow{OrganisationID: org, AssessmentID: t.AssessmentID, IndicatorKey: t.IndicatorKey, Version: 1,
		Title: up.Meta.Title, DocumentDate: up.Meta.Date, Filename: up.Meta.Filename, ContentType: up.ContentType,
		Size: blob.Size, SHA256: blob.SHA256, BlobID: &blob.ID, CreatedByName: by.Name, CreatedAt: s.now()}
	if t.ContributionID != 0 {
		row.ContributionID = &t.ContributionID
	}
	if t.ActionID != 0 {
		row.ActionID = &t.ActionID
	}
	if by.UserID != 0 {
		row.CreatedBy = &by.UserID
	}
	if prev != nil {
		row.SeriesID, row.Version = prev.SeriesID, prev.Version+1
	}
	if err := tx.Create(&row).Error; err != nil {
		return row, fmt.Errorf("insert file: %w", err)
	}
	if row.SeriesID == nil {
		row.SeriesID = &row.ID
		if err := tx.Model(&row).Update("series_id", row.ID).Error; err != nil {
			return row, fmt.Errorf("set file series: %w", err)
		}
	}
	return row, nil
}

// lockEvidenceTarget locks the organisation owning the target's files
// first (so its quota, shared bytes and deletion are decided one change at
// a time), then the assessment (refusing an approved one) or the
// contribution (refusing a submitted one), and checks the indicator is in
// scope. It returns the organisation.
func lockEvidenceTarget(tx *gorm.DB, t EvidenceTarget) (int64, error) {
	if t.ActionID != 0 {
		return lockActionFiles(tx, t)
	}
	var org int64
	if t.ContributionID == 0 {
		var a assessmentRow
		if err := tx.Select("id, organisation_id").First(&a, t.AssessmentID).Error; err != nil {
			return 0, notFound(err, "assessment")
		}
		org = a.OrganisationID
	} else {
		var c contributionRow
		if err := tx.First(&c, t.ContributionID).Error; err != nil || c.AssessmentID != t.AssessmentID {
			return 0, notFound(err, "contribution")
		}
		org = c.OrganisationID
	}
	if err := lockOrganisation(tx, org); err != nil {
		return 0, notFound(err, "organisation")
	}
	var n int64
	if t.ContributionID == 0 {
		if _, err := unlockedAssessment(tx, t.AssessmentID); err != nil {
			return 0, err
		}
		if err := tx.Model(&answerRow{}).Where("assessment_id = ? AND indicator_key = ?", t.AssessmentID, t.IndicatorKey).Count(&n).Error; err != nil {
			return 0, err
		}
	} else {
		if _, err := moveContribution(tx, t.ContributionID, assessment.ContributionInProgress,
			map[string]any{"status": string(assessment.ContributionInProgress)}); err != nil {
			return 0, err
		}
		if err := tx.Model(&contributionAnswerRow{}).Where("contribution_id = ? AND indicator_key = ?", t.ContributionID, t.IndicatorKey).Count(&n).Error; err != nil {
			return 0, err
		}
	}
	if n == 0 {
		return 0, assessment.NotFound("indicator")
	}
	// The report lists the assessment's files: a change is a new version of it.
	return org, touchAssessment(tx, t.AssessmentID, time.Now().UTC())
}

func targetOf(r evidenceFileRow) EvidenceTarget {
	t := EvidenceTarget{AssessmentID: r.AssessmentID, IndicatorKey: r.IndicatorKey}
	if r.ContributionID != nil {
		t.ContributionID = *r.ContributionID
	}
	if r.ActionID != nil {
		t.ActionID = *r.ActionID
	}
	return t
}

func evidenceObject(r evidenceFileRow) string {
	if r.ActionID != nil {
		return fmt.Sprintf("action %d file %d", *r.ActionID, r.ID)
	}
	if r.ContributionID != nil {
		return fmt.Sprintf("contribution %d indicator %s file %d", *r.ContributionID, r.IndicatorKey, r.ID)
	}
	return fmt.Sprintf("indicator %s file %d", r.IndicatorKey, r.ID)
}

// evidenceAudit is what the trail keeps of a file: enough to tell which
// document it was, never its bytes.
func evidenceAudit(r evidenceFileRow) map[string]any {
	m := map[string]any{"id": r.ID, "title": r.Title, "filename": r.Filename, "content_type": r.ContentType,
		"size": r.Size, "sha256": r.SHA256, "version": r.Version}
	if r.DocumentDate != nil {
		m["date"] = r.DocumentDate.Format("2006-01-02")
	}
	return m
}
