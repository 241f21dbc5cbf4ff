package store

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// putBlob streams r into chunks of a new blob while hashing it, then keeps
// it or, when the organisation already stores the same bytes, drops it and
// returns the existing blob. One buffer of evidenceChunkSize is all the
// memory it holds. It refuses an empty file, one over
// assessment.MaxEvidenceSize, and new bytes beyond the quota.
func (s *Store) putBlob(tx *gorm.DB, org int64, r io.Reader, quota int64) (evidenceBlobRow, error) {
	pending := evidenceBlobRow{OrganisationID: org, SHA256: "pending-" + rand.Text(), Size: 1, CreatedAt: s.now()}
	if err := tx.Create(&pending).Error; err != nil {
		return pending, fmt.Errorf("insert blob: %w", err)
	}
	h := sha256.New()
	buf := make([]byte, evidenceChunkSize)
	var size int64
	seq := 0
	for {
		n, err := io.ReadFull(r, buf)
		if n > 0 {
			size += int64(n)
			if size > assessment.MaxEvidenceSize {
				return pending, assessment.ErrEvidenceTooLarge()
			}
			h.Write(buf[:n])
			if err := tx.Exec("INSERT INTO evidence_chunks (blob_id, seq, data) VALUES (?, ?, ?)", pending.ID, seq, buf[:n]).Error; err != nil {
				return pending, fmt.Errorf("insert chunk: %w", err)
			}
			seq++
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			break
		}
		if err != nil {
			return pending, fmt.Errorf("read upload: %w", err)
		}
	}
	if size == 0 {
		return pending, assessment.FieldError("file", "the file is empty")
	}
	sum := hex.EncodeToString(h.Sum(nil))
	var same []evidenceBlobRow
	if err := tx.Where("organisation_id = ? AND sha256 = ?", org, sum).Limit(1).Find(&same).Error; err != nil {
		return pending, fmt.Errorf("look for the same file: %w", err)
	}
	if len(same) > 0 {
		if err := tx.Delete(&evidenceBlobRow{}, pending.ID).Error; err != nil {
			return pending, fmt.Errorf("drop duplicate blob: %w", err)
		}
		return same[0], nil
	}
	if quota > 0 {
		used, err := evidenceUsage(tx, org)
		if err != nil {
			return pending, err
		}
		if used-pending.Size+size > quota {
			return pending, assessment.Errorf(assessment.ETOOLARGE, "this organisation's storage for evidence files is full: it may keep %s in all; remove files it no longer needs", assessment.SizeText(quota))
		}
	}
	pending.SHA256, pending.Size, pending.Chunks = sum, size, seq
	if err := tx.Model(&pending).Updates(map[string]any{"sha256": sum, "size": size, "chunks": seq}).Error; err != nil {
		return pending, fmt.Errorf("finish blob: %w", err)
	}
	return pending, nil
}

// evidenceUsage sums the organisation's stored bytes, each blob once.
func evidenceUsage(db *gorm.DB, org int64) (int64, error) {
	var used int64
	if err := db.Model(&evidenceBlobRow{}).Where("organisation_id = ?", org).Select("COALESCE(SUM(size), 0)").Scan(&used).Error; err != nil {
		return 0, fmt.Errorf("evidence usage: %w", err)
	}
	return used, nil
}
