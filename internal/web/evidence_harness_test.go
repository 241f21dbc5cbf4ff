package web_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strings"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/store"
)

// samplePDF is a small, valid one-page PDF with the given text.
func samplePDF(text string) []byte {
	stream := fmt.Sprintf("BT /F1 12 Tf 72 720 Td (%s) Tj ET", text)
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(stream), stream),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

func sha(b []byte) string { s := sha256.Sum256(b); return hex.EncodeToString(s[:]) }

// upload is one multipart file part; Disposition, when set, replaces the
// part's Content-Disposition (for names the standard writer would escape).
type upload struct {
	Name, Title, Date, Disposition string
	Body                           []byte
}

// multipartOf writes fields then the file parts.
func multipartOf(fields map[string]string, files ...upload) (string, []byte) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for k, v := range fields {
		w.WriteField(k, v)
	}
	for _, f := range files {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="file"; filename="%s"`, f.Name))
		if f.Disposition != "" {
			h.Set("Content-Disposition", f.Disposition)
		}
		h.Set("Content-Type", "application/octet-stream")
		p, _ := w.CreatePart(h)
		p.Write(f.Body)
	}
	w.Close()
	return w.FormDataContentType(), buf.Bytes()
}

// apiUpload posts one file to an indicator through the API.
func (a *app) apiUpload(token, path string, f upload) apiResult {
	a.t.Helper()
	fields := map[string]string{}
	if f.Title != "" {
		fields["title"] = f.Title
	}
	if f.Date != "" {
		fields["date"] = f.Date
	}
	ct, body := multipartOf(fields, f)
	return a.apiRaw(token, http.MethodPost, path, ct, bytes.NewReader(body))
}

// apiRaw sends any body with a bearer token and decodes a JSON answer.
func (a *app) apiRaw(token, method, path, contentType string, body io.Reader) apiResult {
	a.t.Helper()
	req, _ := http.NewRequest(method, a.ts.URL+path, body)
	req.Header.Set("Authorization", "Bearer "+token)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
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

// download fetches a file through the API: status, headers, bytes.
func (a *app) download(token, path string) (*http.Response, []byte) {
	a.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, a.ts.URL+path, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		a.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, b
}

// postMultipart submits an HTML multipart form with the page's CSRF token.
func (b *browser) postMultipart(path string, fields map[string]string, files ...upload) (*http.Response, []byte) {
	b.a.t.Helper()
	if _, ok := fields["_csrf"]; !ok {
		fields["_csrf"] = b.csrf
	}
	ct, body := multipartOf(fields, files...)
	req, _ := http.NewRequest(http.MethodPost, b.a.ts.URL+path, bytes.NewReader(body))
	req.Header.Set("Content-Type", ct)
	res, err := b.http.Do(req)
	if err != nil {
		b.a.t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	return res, raw
}

// indicatorFiles returns the "files" of an indicator in GET /assessments/{id}.
func indicatorFiles(t *testing.T, r apiResult, key string) []map[string]any {
	t.Helper()
	for _, c := range r.Body["capabilities"].([]any) {
		for _, in := range c.(map[string]any)["indicators"].([]any) {
			m := in.(map[string]any)
			if m["key"] == key {
				var out []map[string]any
				for _, f := range m["files"].([]any) {
					out = append(out, f.(map[string]any))
				}
				return out
			}
		}
	}
	t.Fatalf("indicator %s not in the assessment", key)
	return nil
}

func evidenceAuditFilter(orgID int64, action string) store.AuditFilter {
	return store.AuditFilter{OrganisationID: orgID, ActionPrefix: action, Limit: 1000}
}

func stringsReader(s string) io.Reader { return strings.NewReader(s) }

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }
