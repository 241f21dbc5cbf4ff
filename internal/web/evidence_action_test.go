package web_test

import (
	"bytes"
	"fmt"
	"testing"
)

// Files on a plan action: uploaded by API, listed in the action, downloaded
// as sent, removed; after approval the planners and the responsible agency
// still add files (implementation evidence), the contributor of the
// assessment's organisation may not, other organisations see nothing; and
// the carried action of the next cycle keeps them.
func TestEvidenceOnActions(t *testing.T) {
	f := newPlanFixture(t)
	f.answerAll(f.assess, map[string]int{"leadership": 1}, "Decree 7/2025")
	id := f.createAction(f.assess, f.actionBody("Adopt a national CSEA strategy"))
	f.approve(f.assess)
	tok, ptok := f.token(f.coordinator), f.token(f.policeUser)
	path := fmt.Sprintf("/api/v1/actions/%d/files", id)
	pdf := samplePDF("Strategy consultation minutes")

	res := f.app.apiUpload(ptok, path, upload{Name: "minutes.pdf", Title: "Consultation minutes", Date: "2026-05-12", Body: pdf})
	if res.Status != 201 || res.str("title") != "Consultation minutes" || res.str("sha256") != sha(pdf) || res.str("content_type") != "application/pdf" {
		t.Fatalf("responsible agency's upload after approval: %d %s", res.Status, res.Raw)
	}
	fileID := int64(res.Body["id"].(float64))
	if res := f.app.apiUpload(f.token(f.contributor), path, upload{Name: "x.pdf", Title: "X", Body: pdf}); res.Status != 403 {
		t.Errorf("contributor's upload: %d %s", res.Status, res.Raw)
	}
	if res := f.app.apiUpload(f.token(f.outsider), path, upload{Name: "x.pdf", Title: "X", Body: pdf}); res.Status != 404 {
		t.Errorf("other organisation's upload: %d %s", res.Status, res.Raw)
	}

	show := f.api(tok, "GET", fmt.Sprintf("/api/v1/actions/%d", id), nil)
	files, _ := show.Body["files"].([]any)
	if show.Status != 200 || len(files) != 1 || files[0].(map[string]any)["filename"] != "minutes.pdf" {
		t.Fatalf("action's files: %d %s", show.Status, show.Raw)
	}
	// The action's file is not an indicator's file.
	if ev, _ := f.db.EvidenceFiles(t.Context(), f.assess.ID, 0); len(ev) != 0 {
		t.Errorf("action file listed with the indicators' files: %+v", ev)
	}
	r, got := f.app.download(f.token(f.viewer), fmt.Sprintf("/api/v1/files/%d", fileID))
	if r.StatusCode != 200 || !bytes.Equal(got, pdf) || r.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Fatalf("viewer's download: %d, %d bytes", r.StatusCode, len(got))
	}
	if r, _ := f.app.download(f.token(f.outsider), fmt.Sprintf("/api/v1/files/%d", fileID)); r.StatusCode != 404 {
		t.Errorf("other organisation's download: %d", r.StatusCode)
	}
	if res := f.api(f.token(f.viewer), "DELETE", fmt.Sprintf("/api/v1/files/%d", fileID), nil); res.Status != 403 {
		t.Errorf("viewer's removal: %d %s", res.Status, res.Raw)
	}

	// Carried into the next cycle with the action, sharing the bytes.
	next := f.nextCycle(f.session(f.coordinator), f.assess, "2027")
	acts, err := f.db.Actions(t.Context(), next)
	if err != nil || len(acts) != 1 {
		t.Fatalf("next cycle's actions: %+v %v", acts, err)
	}
	carried, err := f.db.ActionFiles(t.Context(), []int64{acts[0].ID})
	if err != nil || len(carried[acts[0].ID]) != 1 {
		t.Fatalf("carried files: %+v %v", carried, err)
	}
	cf := carried[acts[0].ID][0]
	if cf.SHA256 != sha(pdf) || cf.CarriedFrom == nil || *cf.CarriedFrom != fileID {
		t.Errorf("carried file: %+v", cf)
	}
	if res := f.app.apiUpload(tok, path, upload{Name: "late.pdf", Title: "Late", Body: pdf}); res.Status != 409 {
		t.Errorf("upload to the continued old action: %d %s", res.Status, res.Raw)
	}
	if r, got := f.app.download(ptok, fmt.Sprintf("/api/v1/files/%d", cf.ID)); r.StatusCode != 200 || !bytes.Equal(got, pdf) {
		t.Errorf("carried file's download: %d", r.StatusCode)
	}
	if res := f.api(ptok, "DELETE", fmt.Sprintf("/api/v1/files/%d", cf.ID), nil); res.Status != 200 {
		t.Fatalf("responsible agency's removal: %d %s", res.Status, res.Raw)
	}
	if r, _ := f.app.download(ptok, fmt.Sprintf("/api/v1/files/%d", cf.ID)); r.StatusCode != 404 {
		t.Errorf("removed file's download: %d", r.StatusCode)
	}
	if r, got := f.app.download(tok, fmt.Sprintf("/api/v1/files/%d", fileID)); r.StatusCode != 200 || !bytes.Equal(got, pdf) {
		t.Errorf("previous cycle's copy after removal of the carried one: %d", r.StatusCode)
	}
}

// The plan page lists an action's files with a CSRF-protected upload form
// for those who may add them; the upload returns to the action.
func TestEvidenceOnActionsPage(t *testing.T) {
	f := newPlanFixture(t)
	f.answerAll(f.assess, map[string]int{"leadership": 1}, "Decree 7/2025")
	id := f.createAction(f.assess, f.actionBody("Adopt a national CSEA strategy"))
	f.approve(f.assess)
	police := f.session(f.policeUser)
	pdf := samplePDF("Training register")
	r, _ := police.postMultipart(fmt.Sprintf("/actions/%d/files", id), map[string]string{"title": "Training register"}, upload{Name: "register.pdf", Body: pdf})
	if r.StatusCode != 303 || r.Header.Get("Location") != fmt.Sprintf("/assessments/%d/plan#action-%d", f.assess.ID, id) {
		t.Fatalf("upload form: %d %s", r.StatusCode, r.Header.Get("Location"))
	}
	_, doc := f.session(f.coordinator).get(fmt.Sprintf("/assessments/%d/plan", f.assess.ID))
	box := doc.Find(fmt.Sprintf("#action-files-%d", id))
	if box.Find("li.file a.file-title").Text() != "Training register" || box.Find(`form[action$="/files"] input[name=_csrf]`).Length() != 1 {
		t.Errorf("action's files on the plan page: %q", box.Text())
	}
	_, vdoc := f.session(f.viewer).get(fmt.Sprintf("/assessments/%d/plan", f.assess.ID))
	vbox := vdoc.Find(fmt.Sprintf("#action-files-%d", id))
	if vbox.Find("li.file").Length() != 1 || vbox.Find("form").Length() != 0 {
		t.Errorf("viewer sees the list without forms: %q", vbox.Text())
	}
}
