package store

import (
	"context"
	"fmt"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// evidenceChunkSize is the size of one stored piece of a file: large enough
// that a 20 MB file is 80 rows, small enough that reading or writing one
// never holds much memory.
const evidenceChunkSize = 256 << 10

type evidenceFileRow struct {
	ID             int64 `gorm:"primaryKey"`
	OrganisationID int64
	AssessmentID   int64
	ContributionID *int64
	ActionID       *int64
	IndicatorKey   string
	SeriesID       *int64
	Version        int
	Title          string
	DocumentDate   *time.Time
	Filename       string
	ContentType    string
	Size           int64
	SHA256         string `gorm:"column:sha256"`
	BlobID         *int64
	CarriedFrom    *int64
	CreatedBy      *int64
	CreatedByName  string
	CreatedAt      time.Time
	SupersededAt   *time.Time
	RemovedAt      *time.Time
}

func (evidenceFileRow) TableName() string { return "evidence_files" }

func (r evidenceFileRow) domain() assessment.EvidenceFile {
	f := assessment.EvidenceFile{ID: r.ID, OrganisationID: r.OrganisationID, AssessmentID: r.AssessmentID, ContributionID: r.ContributionID, ActionID: r.ActionID,
		IndicatorKey: r.IndicatorKey, Version: r.Version, Title: r.Title, Date: r.DocumentDate, Filename: r.Filename,
		ContentType: r.ContentType, Size: r.Size, SHA256: r.SHA256, CreatedBy: r.CreatedByName, CreatedAt: r.CreatedAt,
		Superseded: r.SupersededAt != nil, Removed: r.RemovedAt != nil, CarriedFrom: r.CarriedFrom, SeriesID: r.ID}
	if r.SeriesID != nil {
		f.SeriesID = *r.SeriesID
	}
	if f.Date != nil {
		d := f.Date.UTC()
		f.Date = &d
	}
	return f
}

type evidenceBlobRow struct {
	ID             int64 `gorm:"primaryKey"`
	OrganisationID int64
	SHA256         string `gorm:"column:sha256"`
	Size           int64
	Chunks         int
	CreatedAt      time.Time
}

func (evidenceBlobRow) TableName() string { return "evidence_blobs" }

// EvidenceFile reads one version of a file, current or not, removed or not.
func (s *Store) EvidenceFile(ctx context.Context, id int64) (assessment.EvidenceFile, error) {
	var r evidenceFileRow
	if err := s.read(ctx).First(&r, id).Error; err != nil {
		return assessment.EvidenceFile{}, notFound(err, "file")
	}
	return r.domain(), nil
}

// EvidenceFiles lists the current files of an assessment's indicators
// (contributionID 0) or of one contribution's, by indicator then upload
// time, in one query.
func (s *Store) EvidenceFiles(ctx context.Context, assessmentID, contributionID int64) ([]assessment.EvidenceFile, error) {
	q := s.read(ctx).Where("assessment_id = ? AND superseded_at IS NULL AND removed_at IS NULL AND action_id IS NULL", assessmentID)
	if contributionID == 0 {
		q = q.Where("contribution_id IS NULL")
	} else {
		q = q.Where("contribution_id = ?", contributionID)
	}
	var rows []evidenceFileRow
	if err := q.Order("indicator_key, created_at, id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list evidence files: %w", err)
	}
	out := make([]assessment.EvidenceFile, 0, len(rows))
	for _, r := range rows {
		out = append(out, r.domain())
	}
	return out, nil
}

// EvidenceUsage is how many bytes of files an organisation stores (each
// distinct file once), for its quota.
func (s *Store) EvidenceUsage(ctx context.Context, orgID int64) (int64, error) {
	return evidenceUsage(s.read(ctx), orgID)
}
