package store

import (
	"context"
	"database/sql"
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
	q := "SELECT data FROM evidence_chunks WHERE blob_id = $1 AND seq = $2"
	if s.dialect == "sqlite" {
		q = "SELECT data FROM evidence_chunks WHERE blob_id = ? AND seq = ?"
	}
	var written int64
	for seq := 0; seq < b.Chunks; seq++ {
		n, err := copyChunk(ctx, db, q, b.ID, seq, w)
		written += n
		if err != nil {
			return written, fmt.Errorf("read file %d chunk %d: %w", id, seq, err)
		}
	}
	return written, nil
}

// copyChunk writes one chunk straight from the driver's buffer (RawBytes:
// no copy of its own), then lets the connection go.
func copyChunk(ctx context.Context, db *sql.DB, q string, blobID int64, seq int, w io.Writer) (int64, error) {
	rows, err := db.QueryContext(ctx, q, blobID, seq)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return 0, err
		}
		return 0, sql.ErrNoRows
	}
	var data sql.RawBytes
	if err := rows.Scan(&data); err != nil {
		return 0, err
	}
	n, err := w.Write(data)
	return int64(n), err
}
