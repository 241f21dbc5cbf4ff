package web_test

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
)

// The plan actions' files go wherever the indicators' files go: the
// evidence bundle (under actions/<action>/, byte for byte, their action
// named in index.csv), the report's annex, and the JSON and CSV exports;
// the other organisation still gets 404.
func TestActionFilesInBundleReportAndExports(t *testing.T) {
	f := newPlanFixture(t)
	f.answerAll(f.assess, map[string]int{"leadership": 1}, "Decree 7/2025")
	id := f.createAction(f.assess, f.actionBody("Adopt a national CSEA strategy"))
	tok := f.token(f.coordinator)
	pdf := samplePDF("Strategy consultation minutes")
	up := f.app.apiUpload(tok, fmt.Sprintf("/api/v1/actions/%d/files", id), upload{Name: "minutes.pdf", Title: "Consultation minutes", Body: pdf})
	if up.Status != 201 {
		t.Fatalf("upload: %d %s", up.Status, up.Raw)
	}
	fileID := int64(up.Body["id"].(float64))

	res, raw := f.app.download(f.token(f.viewer), fmt.Sprintf("/api/v1/assessments/%d/evidence.zip", f.assess.ID))
	if res.StatusCode != 200 {
		t.Fatalf("bundle: %d", res.StatusCode)
	}
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("actions/%d/%d-minutes.pdf", id, fileID)
	var got []byte
	for _, zf := range zr.File {
		if zf.Name == want {
			rc, _ := zf.Open()
			got, _ = io.ReadAll(rc)
		}
	}
	if !bytes.Equal(got, pdf) {
		t.Fatalf("bundle entry %s: %d bytes, want the %d uploaded", want, len(got), len(pdf))
	}
	rc, _ := zr.File[0].Open()
	index, err := csv.NewReader(rc).ReadAll()
	if err != nil || len(index) != 2 {
		t.Fatalf("index: %v %v", index, err)
	}
	if head, row := index[0], index[1]; head[len(head)-1] != "action" || row[0] != want || row[1] != "" ||
		row[3] != "Consultation minutes" || row[8] != sha(pdf) || row[len(row)-1] != "Adopt a national CSEA strategy" {
		t.Errorf("index: %v / %v", head, row)
	}
	if res, _ := f.app.download(f.token(f.outsider), fmt.Sprintf("/api/v1/assessments/%d/evidence.zip", f.assess.ID)); res.StatusCode != 404 {
		t.Errorf("other organisation's bundle: %d", res.StatusCode)
	}

	_, doc := f.session(f.viewer).get(fmt.Sprintf("/assessments/%d/report", f.assess.ID))
	cells := doc.Find(fmt.Sprintf(`.files-table tr[data-file="%d"] td`, fileID))
	if cells.Length() == 0 || cells.First().Text() != "Action: Adopt a national CSEA strategy" || !strings.Contains(cells.Text(), sha(pdf)) {
		t.Errorf("report annex row: %q", cells.Text())
	}
	if _, ok := doc.Find(`a[href$="/evidence.zip"]`).Attr("href"); !ok {
		t.Error("no bundle link on a report whose only files are an action's")
	}
	_, body := f.app.download(tok, fmt.Sprintf("/api/v1/assessments/%d/export.json", f.assess.ID))
	var exp struct {
		Files []struct {
			ID        int64  `json:"id"`
			Indicator string `json:"indicator"`
			ActionID  int64  `json:"action_id"`
			Action    string `json:"action"`
			SHA256    string `json:"sha256"`
		} `json:"files"`
	}
	if err := json.Unmarshal(body, &exp); err != nil || len(exp.Files) != 1 || exp.Files[0].ActionID != id ||
		exp.Files[0].Action != "Adopt a national CSEA strategy" || exp.Files[0].Indicator != "" || exp.Files[0].SHA256 != sha(pdf) {
		t.Errorf("JSON export files: %+v %v", exp.Files, err)
	}
	_, body = f.app.download(tok, fmt.Sprintf("/api/v1/assessments/%d/export.csv", f.assess.ID))
	if !bytes.Contains(body, []byte("Consultation minutes (PDF")) || !bytes.Contains(body, []byte(sha(pdf))) {
		t.Errorf("CSV export's plan lacks the action's file: %.300s", body)
	}
}
