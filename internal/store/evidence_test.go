package store_test

import (
	"bytes"
	"context"
	"io"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// TestEvidenceOrganisationDeleteAndErasure: deleting an organisation exports
// and then deletes its files and their bytes, never another organisation's
// copy of the same document; erasing a person replaces their name on the
// files they uploaded.
func TestEvidenceOrganisationDeleteAndErasure(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			_, a := setup(t, s)
			_, other := setup(t, s)
			u, err := s.CreateUser(ctx, assessment.System, assessment.User{Email: "amira@example.org", Name: "Amira Haddad", PasswordHash: "x"})
			if err != nil {
				t.Fatal(err)
			}
			by := assessment.Actor{UserID: u.ID, Name: u.Name}
			doc := bytes.Repeat([]byte("Decree 12/2024. "), 40000) // 640 KB: three chunks
			add := func(assessmentID int64) assessment.EvidenceFile {
				t.Helper()
				up := store.EvidenceUpload{Meta: assessment.EvidenceMeta{Filename: "decree.txt", Title: "Decree"}, ContentType: "text/plain; charset=utf-8",
					Body: bytes.NewReader(doc)}
				files, err := s.AddEvidence(ctx, by, store.EvidenceTarget{AssessmentID: assessmentID, IndicatorKey: "leadership-1"}, up)
				if err != nil {
					t.Fatal(err)
				}
				return files[0]
			}
			add(a.ID)
			kept := add(other.ID)
			if used, _ := s.EvidenceUsage(ctx, other.OrganisationID); used != int64(len(doc)) {
				t.Fatalf("each organisation stores its own copy: %d", used)
			}
			data := exportOrganisation(t, s, a.OrganisationID)
			if len(data["evidence_files"]) != 1 || len(data["evidence_blobs"]) != 1 || len(data["evidence_chunks"]) != 3 {
				t.Fatalf("export: %d files, %d blobs, %d chunks", len(data["evidence_files"]), len(data["evidence_blobs"]), len(data["evidence_chunks"]))
			}
			var exported []byte
			for _, ch := range data["evidence_chunks"] {
				b, ok := ch["data"].([]byte)
				if !ok {
					t.Fatalf("a chunk's bytes are exported as %T, not bytes", ch["data"])
				}
				exported = append(exported, b...)
			}
			if len(exported) != len(doc) {
				t.Fatalf("the export holds %d bytes of the file, want %d", len(exported), len(doc))
			}
			counts, err := s.DeleteOrganisation(ctx, assessment.System, a.OrganisationID, "Org", "x.json")
			if err != nil || counts["evidence_files"] != 1 || counts["evidence_chunks"] != 3 {
				t.Fatalf("delete: %v %v", counts, err)
			}
			if used, _ := s.EvidenceUsage(ctx, a.OrganisationID); used != 0 {
				t.Errorf("deleted organisation still stores %d bytes", used)
			}
			var buf bytes.Buffer
			if n, err := s.CopyEvidence(ctx, kept.ID, &buf); err != nil || n != int64(len(doc)) || !bytes.Equal(buf.Bytes(), doc) {
				t.Fatalf("the other organisation's file: %d bytes, %v", n, err)
			}
			er, err := s.EraseUser(ctx, assessment.System, u.ID)
			if err != nil {
				t.Fatal(err)
			}
			f, err := s.EvidenceFile(ctx, kept.ID)
			if err != nil || f.CreatedBy != er.Pseudonym {
				t.Errorf("uploader after erasure: %q (%v)", f.CreatedBy, err)
			}
			if _, err := s.CopyEvidence(ctx, kept.ID, io.Discard); err != nil {
				t.Errorf("file after erasure: %v", err)
			}
		})
	}
}

// TestEvidenceQuotaUnderConcurrency: uploads at the same moment never take
// an organisation past its quota (the organisation's row is locked while
// one is stored), on PostgreSQL at READ COMMITTED too.
func TestEvidenceQuotaUnderConcurrency(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			_, a := setup(t, s)
			const size, quota = 30 << 10, 100 << 10 // room for three
			errs := make(chan error, 6)
			for i := range 6 {
				go func() {
					doc := bytes.Repeat([]byte{byte('a' + i)}, size)
					up := store.EvidenceUpload{Meta: assessment.EvidenceMeta{Filename: "f.txt", Title: "F"}, ContentType: "text/plain; charset=utf-8",
						Quota: quota, Body: bytes.NewReader(doc)}
					_, err := s.AddEvidence(ctx, assessment.System, store.EvidenceTarget{AssessmentID: a.ID, IndicatorKey: "leadership-1"}, up)
					errs <- err
				}()
			}
			stored := 0
			for range 6 {
				switch err := <-errs; assessment.ErrorCode(err) {
				case "":
					stored++
				case assessment.ETOOLARGE:
				default:
					t.Errorf("upload: %v", err)
				}
			}
			used, _ := s.EvidenceUsage(ctx, a.OrganisationID)
			if stored != 3 || used != 3*size {
				t.Errorf("stored %d files, %d bytes; want 3 within the quota of %d", stored, used, quota)
			}
		})
	}
}
