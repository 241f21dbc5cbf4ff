package store

import (
	"context"
	"fmt"
	"io"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// CopyEvidence writes the bytes of file version id to w, one chunk at a
// time, each read by its own short query: no connection is held while a
// slow client downloads, and memory stays at one chunk whatever the size.
// A removed file is "not found".
func (s *Store) CopyEvidence(ctx context.Context, id int64, w io.Writer) (int64, error) {
	var f evidenceFileRow
	if err := s.read(ctx).First(&f, id).Error; err != nil {
		return 0, notFound(err, "file")
	}
	if f.BlobID == nil {
		return 0, assessment.NotFound("file")
	}
	var b evidenceBlobRow
	if err := s.read(ctx).First(&b, *f.BlobID).Error; err != nil {
		return 0, notFound(err, "file")
	}
	db, err := s.r.DB()
	if err != nil {
		return 0, err
	}
	var written int64
	for seq := 0; seq < b.Chunks; seq++ {
		var data []byte
		q := "SELECT data FROM evidence_chunks WHERE blob_id = $1 AND seq = $2"
		if s.dialect == "sqlite" {
			q = "SELECT data FROM evidence_chunks WHERE blob_id = ? AND seq = ?"
		}
		if err := db.QueryRowContext(ctx, q, b.ID, seq).Scan(&data); err != nil {
			return written, fmt.Errorf("read file %d chunk %d: %w", id, seq, err)
		}
		n, err := w.Write(data)
		written += int64(n)
		if err != nil {
			return written, err
		}
	}
	return written, nil
}
