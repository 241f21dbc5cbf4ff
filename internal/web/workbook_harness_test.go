package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/xuri/excelize/v2"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// downloadWorkbook fetches a workbook through the API.
func (a *app) downloadWorkbook(token, path string) []byte {
	a.t.Helper()
	req, _ := http.NewRequest("GET", a.ts.URL+path, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		a.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		a.t.Fatalf("GET %s: %d %s", path, res.StatusCode, b)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/vnd.openxmlformats") {
		a.t.Fatalf("GET %s: content type %q", path, ct)
	}
	return b
}

// multipartBody is a form with the file field "file" and other fields.
func multipartBody(t testing.TB, data []byte, fields map[string]string) (*bytes.Buffer, string) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for k, v := range fields {
		w.WriteField(k, v)
	}
	fw, _ := w.CreateFormFile("file", "workbook.xlsx")
	fw.Write(data)
	w.Close()
	return &buf, w.FormDataContentType()
}

// upload posts a workbook to the API.
func (a *app) upload(token, path string, data []byte, dryRun string) apiResult {
	a.t.Helper()
	body, ct := multipartBody(a.t, data, map[string]string{"dry_run": dryRun})
	req, _ := http.NewRequest("POST", a.ts.URL+path, body)
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", ct)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		a.t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	out := apiResult{Status: res.StatusCode, Raw: raw}
	_ = json.Unmarshal(raw, &out.Body)
	return out
}

// uploadPage posts a workbook through the page's form, with its CSRF token.
func (b *browser) uploadPage(path string, data []byte) (*http.Response, *goquery.Document) {
	b.a.t.Helper()
	body, ct := multipartBody(b.a.t, data, map[string]string{"_csrf": b.csrf})
	req, _ := http.NewRequest("POST", b.a.ts.URL+path, body)
	req.Header.Set("Content-Type", ct)
	res, err := b.http.Do(req)
	if err != nil {
		b.a.t.Fatal(err)
	}
	return b.read(res)
}

// fill opens a workbook, sets cells by indicator or capability number
// (the first column) and returns the saved file, as a person filling it
// in would. Keys: "1.2" sets that indicator's answer (column E), "1.2/F"
// another column of its row; "1/target" a capability's phase row.
func fill(t testing.TB, data []byte, cells map[string]string) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	offset := map[string]int{"confirmed": 0, "justification": 1, "target": 2, "priority": 3, "lead": 4}
	for key, v := range cells {
		number, col := key, "E"
		if i := strings.Index(key, "/"); i >= 0 {
			number, col = key[:i], key[i+1:]
		}
		sheet, row := "", 0
		for _, s := range f.GetSheetList() {
			rows, _ := f.GetRows(s)
			for i, r := range rows {
				if len(r) < 3 || r[0] != number || row != 0 {
					continue
				}
				if _, phase := offset[col]; phase && !strings.HasPrefix(r[2], "Confirmed phase") {
					continue // the capability's heading row
				}
				sheet, row = s, i+1
			}
			if row > 0 {
				break
			}
		}
		if row == 0 {
			t.Fatalf("no row %s", number)
		}
		if off, phase := offset[col]; phase {
			row, col = row+off, "E"
		}
		if err := f.SetCellStr(sheet, col+strconv.Itoa(row), v); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// answerOf reads an answer as stored.
func (a *app) answerOf(assessmentID int64, key string) assessment.Answer {
	a.t.Helper()
	_, _, _, answers, err := a.db.AssessmentContent(context.Background(), assessmentID)
	if err != nil {
		a.t.Fatal(err)
	}
	for _, x := range answers {
		if x.IndicatorKey == key {
			return x
		}
	}
	a.t.Fatalf("no answer %s", key)
	return assessment.Answer{}
}

// items returns a preview list of the API's JSON.
func items(r apiResult, list string) []map[string]any {
	var out []map[string]any
	for _, x := range r.Body[list].([]any) {
		out = append(out, x.(map[string]any))
	}
	return out
}
