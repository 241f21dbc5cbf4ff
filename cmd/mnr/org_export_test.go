package main

import (
	"bytes"
	"context"
	"encoding/json"
	"sort"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// addBinaryEvidence attaches a 600 KB file of every byte value (three
// stored chunks, none of it valid text) to the assessment, and returns it.
func addBinaryEvidence(t *testing.T, dsn string, assessmentID int64) []byte {
	t.Helper()
	s, err := store.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	doc := make([]byte, 600<<10)
	for i := range doc {
		doc[i] = byte(i * 7)
	}
	up := store.EvidenceUpload{Meta: assessment.EvidenceMeta{Filename: "scan.pdf", Title: "Scanned decree"}, ContentType: "application/pdf",
		Body: bytes.NewReader(doc)}
	if _, err := s.AddEvidence(context.Background(), assessment.System, store.EvidenceTarget{AssessmentID: assessmentID, IndicatorKey: "leadership-1"}, up); err != nil {
		t.Fatal(err)
	}
	return doc
}

// exportedFile joins the file bytes an organisation export holds, in
// chunk order (a JSON export writes bytes as base64).
func exportedFile(t *testing.T, raw []byte) []byte {
	t.Helper()
	var doc struct {
		Binary string `json:"binary_columns"`
		Tables struct {
			Chunks []struct {
				Seq  int    `json:"seq"`
				Data []byte `json:"data"`
			} `json:"evidence_chunks"`
		} `json:"tables"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("the export is not JSON: %v", err)
	}
	if doc.Binary != "base64" {
		t.Errorf("binary_columns: %q", doc.Binary)
	}
	chunks := doc.Tables.Chunks
	sort.Slice(chunks, func(i, j int) bool { return chunks[i].Seq < chunks[j].Seq })
	var out []byte
	for _, c := range chunks {
		out = append(out, c.Data...)
	}
	return out
}
