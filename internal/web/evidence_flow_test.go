package web_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// TestEvidenceBundleAndCarryForward: the evidence bundle holds every
// current file with an index; replacing keeps a version; the report's
// annex and the CSV, XLSX and JSON exports list the files; the next cycle
// carries them with their answers.
func TestEvidenceBundleAndCarryForward(t *testing.T) {
	f := newFixture(t)
	tok := f.token(f.coordinator)
	inds := f.fw.Capability("leadership").Indicators
	base := fmt.Sprintf("/api/v1/assessments/%d/indicators/", f.assess.ID)
	docs := []upload{
		{Name: "decree.pdf", Title: "Decree 4/2026", Date: "2026-02-11", Body: samplePDF("Decree")},
		{Name: "minutes.txt", Title: "Council minutes, March 2026", Body: []byte("Minutes of the national council, 3 March 2026.\n")},
		{Name: "terms.pdf", Title: "Terms of reference", Body: samplePDF("Terms of reference")},
	}
	ids := map[string]int64{}
	for i, d := range docs {
		r := f.apiUpload(tok, base+inds[i%2].Key+"/files", d)
		if r.Status != 201 {
			t.Fatalf("upload %s: %d %s", d.Name, r.Status, r.Raw)
		}
		ids[d.Name] = int64(r.Body["id"].(float64))
	}
	// Replace the terms: a new version with a new id; the old one is history.
	v2 := samplePDF("Terms of reference, revised")
	ct, body := multipartOf(map[string]string{"title": "Terms of reference (revised)"}, upload{Name: "terms-v2.pdf", Body: v2})
	r := f.apiRaw(tok, "PUT", fmt.Sprintf("/api/v1/files/%d", ids["terms.pdf"]), ct, bytes.NewReader(body))
	if r.Status != 200 || r.Body["version"].(float64) != 2 || r.str("sha256") != sha(v2) {
		t.Fatalf("replace: %d %s", r.Status, r.Raw)
	}
	ids["terms-v2.pdf"] = int64(r.Body["id"].(float64))
	if r := f.apiRaw(tok, "PUT", fmt.Sprintf("/api/v1/files/%d", ids["terms.pdf"]), ct, bytes.NewReader(body)); r.Status != 409 {
		t.Fatalf("replacing an old version: %d %s", r.Status, r.Raw)
	}
	if res, b := f.download(tok, fmt.Sprintf("/api/v1/files/%d", ids["terms.pdf"])); res.StatusCode != 200 || sha(b) != sha(docs[2].Body) {
		t.Fatalf("old version download: %d", res.StatusCode)
	}
	current := map[string][]byte{"decree.pdf": docs[0].Body, "minutes.txt": docs[1].Body, "terms-v2.pdf": v2}

	// The bundle: index.csv first, then every current file.
	res, raw := f.download(tok, fmt.Sprintf("/api/v1/assessments/%d/evidence.zip", f.assess.ID))
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/zip" {
		t.Fatalf("bundle: %d", res.StatusCode)
	}
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	if zr.File[0].Name != "index.csv" || len(zr.File) != 1+len(current) {
		t.Fatalf("bundle entries: %d, first %s", len(zr.File), zr.File[0].Name)
	}
	rc, _ := zr.File[0].Open()
	index, err := csv.NewReader(rc).ReadAll()
	if err != nil || len(index) != 1+len(current) {
		t.Fatalf("index: %v %v", index, err)
	}
	for _, row := range index[1:] {
		want, ok := current[row[4]]
		if !ok || row[8] != sha(want) || row[6] != fmt.Sprint(len(want)) {
			t.Errorf("index row %v", row)
		}
		var got []byte
		for _, zf := range zr.File {
			if zf.Name == row[0] {
				rc, _ := zf.Open()
				got, _ = io.ReadAll(rc)
			}
		}
		if sha(got) != sha(want) {
			t.Errorf("bundle file %s: %d bytes, hash %s", row[0], len(got), sha(got))
		}
	}
	if res, _ := f.download(f.token(f.outsider), fmt.Sprintf("/api/v1/assessments/%d/evidence.zip", f.assess.ID)); res.StatusCode != 404 {
		t.Errorf("outsider bundle: %d", res.StatusCode)
	}

	// The report's annex and the exports.
	b := f.session(f.coordinator)
	_, doc := b.get(fmt.Sprintf("/assessments/%d/report", f.assess.ID))
	rows := doc.Find(".files-table tbody tr")
	if rows.Length() != 3 || !strings.Contains(rows.Text(), sha(v2)) || !strings.Contains(rows.Text(), "Decree 4/2026") {
		t.Errorf("annex rows: %d %q", rows.Length(), rows.Text())
	}
	if _, ok := doc.Find(`a[href$="/evidence.zip"]`).Attr("href"); !ok {
		t.Error("no bundle link on the report")
	}
	for _, format := range []string{"csv", "json"} {
		res, body := f.download(tok, fmt.Sprintf("/api/v1/assessments/%d/export.%s", f.assess.ID, format))
		if res.StatusCode != 200 || !bytes.Contains(body, []byte(sha(docs[0].Body))) || !bytes.Contains(body, []byte("Council minutes, March 2026")) {
			t.Errorf("%s export lacks the files (%d)", format, res.StatusCode)
		}
	}
	res, _ = f.download(tok, fmt.Sprintf("/api/v1/assessments/%d/export.xlsx", f.assess.ID))
	if res.StatusCode != 200 {
		t.Errorf("xlsx export: %d", res.StatusCode)
	}

	// Next cycle: the files come along with their answers, sharing the bytes.
	ctx := context.Background()
	usedBefore, _ := f.db.EvidenceUsage(ctx, f.org.ID)
	if err := f.db.SetStatus(ctx, assessment.System, f.assess.ID, assessment.StatusApproved); err != nil {
		t.Fatal(err)
	}
	nr := f.api(tok, "POST", fmt.Sprintf("/api/v1/assessments/%d/next-cycle", f.assess.ID), map[string]any{"title": "National self-assessment", "period": "2027"})
	if nr.Status != 201 {
		t.Fatalf("next cycle: %d %s", nr.Status, nr.Raw)
	}
	next := int64(nr.Body["id"].(float64))
	show := f.api(tok, "GET", fmt.Sprintf("/api/v1/assessments/%d", next), nil)
	carried := append(indicatorFiles(t, show, inds[0].Key), indicatorFiles(t, show, inds[1].Key)...)
	if len(carried) != 3 {
		t.Fatalf("carried files: %v", carried)
	}
	for _, c := range carried {
		res, body := f.download(tok, c["url"].(string))
		if res.StatusCode != 200 || sha(body) != c["sha256"] {
			t.Errorf("carried download %v: %d", c["filename"], res.StatusCode)
		}
	}
	if used, _ := f.db.EvidenceUsage(ctx, f.org.ID); used != usedBefore {
		t.Errorf("carrying forward stored bytes again: %d → %d", usedBefore, used)
	}
	// Removing a carried file leaves the approved cycle's copy whole.
	if r := f.api(tok, "DELETE", carried[0]["url"].(string), nil); r.Status != 200 {
		t.Fatalf("remove carried: %d %s", r.Status, r.Raw)
	}
	if res, _ := f.download(tok, fmt.Sprintf("/api/v1/files/%d", ids[carried[0]["filename"].(string)])); res.StatusCode != 200 {
		t.Errorf("previous cycle's file after removal in the next: %d", res.StatusCode)
	}
	// The approved cycle refuses changes to its files.
	if r := f.api(tok, "DELETE", fmt.Sprintf("/api/v1/files/%d", ids["decree.pdf"]), nil); r.Status != 409 {
		t.Errorf("remove on approved: %d", r.Status)
	}
}

// TestEvidenceOnContributions: an agency attaches files to its
// contribution; the assessment's coordinators read them, other agencies
// do not; a submitted contribution refuses new ones.
func TestEvidenceOnContributions(t *testing.T) {
	w := newAgencies(t)
	pc := w.invite(t, w.police, "", "law-enforcement")
	policeTok, proTok, coordTok := w.token(w.policeLead), w.token(w.prosecutor), w.token(w.coordinator)
	key := w.fw.Capability("law-enforcement").Indicators[0].Key
	path := fmt.Sprintf("/api/v1/contributions/%d/indicators/%s/files", pc, key)
	doc := samplePDF("Unit standing orders")
	r := w.apiUpload(policeTok, path, upload{Name: "standing-orders.pdf", Title: "Standing orders", Body: doc})
	if r.Status != 201 {
		t.Fatalf("upload: %d %s", r.Status, r.Raw)
	}
	url := r.str("url")
	show := w.api(policeTok, "GET", fmt.Sprintf("/api/v1/contributions/%d", pc), nil)
	found := false
	for _, a := range show.Body["answers"].([]any) {
		m := a.(map[string]any)
		if m["key"] == key && len(m["files"].([]any)) == 1 {
			found = true
		}
	}
	if !found {
		t.Fatalf("contribution lists no file: %s", show.Raw)
	}
	if res, body := w.download(coordTok, url); res.StatusCode != 200 || sha(body) != sha(doc) {
		t.Errorf("coordinator download: %d", res.StatusCode)
	}
	if res, _ := w.download(proTok, url); res.StatusCode != 404 {
		t.Errorf("other agency download: %d", res.StatusCode)
	}
	if r := w.apiUpload(coordTok, path, upload{Name: "x.pdf", Body: doc}); r.Status != 403 {
		t.Errorf("coordinator upload on the agency's contribution: %d", r.Status)
	}
	// National files are not the contribution's.
	if files, _ := w.db.EvidenceFiles(context.Background(), w.assess.ID, 0); len(files) != 0 {
		t.Errorf("national files: %v", files)
	}
	w.answer(t, policeTok, pc, "law-enforcement", nil)
	if r := w.api(policeTok, "POST", fmt.Sprintf("/api/v1/contributions/%d/submit", pc), nil); r.Status != 200 {
		t.Fatalf("submit: %d %s", r.Status, r.Raw)
	}
	if r := w.apiUpload(policeTok, path, upload{Name: "late.pdf", Body: samplePDF("late")}); r.Status != 409 {
		t.Errorf("upload after submission: %d %s", r.Status, r.Raw)
	}
}

// TestEvidenceForm: the capability page's upload form works without
// script (multipart with the CSRF token), lists the file, shows a refused
// upload beside the field, and removes a file.
func TestEvidenceForm(t *testing.T) {
	f := newFixture(t)
	b := f.session(f.coordinator)
	key := f.fw.Capability("leadership").Indicators[0].Key
	page := fmt.Sprintf("/assessments/%d/capabilities/leadership", f.assess.ID)
	_, doc := b.get(page)
	form := doc.Find("form#upload-" + key)
	if enc, _ := form.Attr("enctype"); enc != "multipart/form-data" {
		t.Fatalf("upload form: %q", enc)
	}
	if form.Find("input[name=_csrf]").Length() != 1 || doc.Find(`input[type=file][form="upload-`+key+`"]`).Length() != 1 {
		t.Fatal("upload form lacks its token or file input")
	}
	if l := doc.Find(`label[for="upload-file-` + key + `"]`).Length(); l != 1 {
		t.Error("file input without a label")
	}
	action, _ := form.Attr("action")

	// Without the token: refused, nothing stored.
	res, _ := b.postMultipart(action, map[string]string{"_csrf": "wrong"}, upload{Name: "decree.pdf", Body: samplePDF("x")})
	if res.StatusCode != http.StatusForbidden {
		t.Fatalf("without token: %d", res.StatusCode)
	}
	res, _ = b.postMultipart(action, map[string]string{"title": "Decree 4/2026", "date": "2026-02-11"}, upload{Name: "decree.pdf", Body: samplePDF("Decree")})
	if res.StatusCode != http.StatusSeeOther || !strings.HasSuffix(res.Header.Get("Location"), "#files-"+key) {
		t.Fatalf("upload: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	_, doc = b.get(page)
	link := doc.Find("#files-" + key + " .file-list a.file-title")
	if link.Length() != 1 || link.Text() != "Decree 4/2026" {
		t.Fatalf("listed: %d %q", link.Length(), link.Text())
	}
	// Several files at once.
	res, _ = b.postMultipart(action, map[string]string{}, upload{Name: "a.txt", Body: []byte("first\n")}, upload{Name: "b.txt", Body: []byte("second\n")})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("two files: %d", res.StatusCode)
	}
	// A refused upload: the page again, the message beside the field, the title kept.
	res, raw := b.postMultipart(action, map[string]string{"title": "Web page"}, upload{Name: "page.html", Body: []byte("<html><body>x</body></html>")})
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("bad type: %d", res.StatusCode)
	}
	doc, _ = goquery.NewDocumentFromReader(bytes.NewReader(raw))
	if msg := doc.Find("#upload-error-" + key).Text(); !strings.Contains(msg, "not an accepted kind of file") {
		t.Errorf("message beside the field: %q", msg)
	}
	if v, _ := doc.Find("#upload-title-" + key).Attr("value"); v != "Web page" {
		t.Errorf("typed title lost: %q", v)
	}
	if n := doc.Find("#files-" + key + " .file-list li").Length(); n != 3 {
		t.Errorf("files after a refused upload: %d", n)
	}
	// Download through the page's link, then remove.
	href, _ := link.Attr("href")
	dl, err := b.http.Get(f.ts.URL + href)
	if err != nil || dl.StatusCode != 200 || !strings.HasPrefix(dl.Header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("page download: %v %v", err, dl)
	}
	dl.Body.Close()
	_, doc = b.get(page)
	id := strings.TrimPrefix(href, "/files/")
	removeForm := doc.Find("form#file-remove-" + id)
	if removeForm.Length() != 1 || doc.Find(`button[form="file-remove-`+id+`"]`).Length() != 1 {
		t.Fatal("no remove control")
	}
	res, _ = b.post("/files/"+id+"/remove", map[string][]string{})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("remove: %d", res.StatusCode)
	}
	_, doc = b.get(page)
	if n := doc.Find("#files-" + key + " .file-list li").Length(); n != 2 {
		t.Errorf("files after removal: %d", n)
	}
	// A viewer sees the list but no upload form.
	_, doc = f.session(f.viewer).get(page)
	if doc.Find("form#upload-"+key).Length() != 0 || doc.Find("#files-"+key+" .file-list li").Length() != 2 {
		t.Error("viewer: upload form shown or list missing")
	}
}
