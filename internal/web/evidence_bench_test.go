package web_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"runtime"
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// BenchmarkEvidenceRoundTrip uploads a file through the API (multipart,
// streamed by the client), downloads it and checks its hash, then removes
// it, for files of 1, 5 and 20 MB. Sampled every millisecond, above the
// heap before the first upload: peak-live-MB is the largest heap found live
// by a collection (what the server holds), peak-heap-MB the largest heap
// including garbage not yet collected (bounded by the collector's target,
// not by the file). Flat across sizes means no file is held whole.
//
//	go test ./internal/web -run '^$' -bench EvidenceRoundTrip -benchtime 5x
func BenchmarkEvidenceRoundTrip(b *testing.B) {
	for _, mb := range []int{1, 5, 20} {
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			size := int64(mb) << 20
			if size >= assessment.MaxEvidenceSize {
				size = assessment.MaxEvidenceSize - 1
			}
			benchEvidence(b, size)
		})
	}
}

func benchEvidence(b *testing.B, size int64) {
	a := newApp(b)
	org := a.org("Ministry of Demoland", "XD")
	u := a.user("coord@example.org", false)
	a.member(u, org, assessment.RoleCoordinator)
	as := a.assessment(org, []string{"leadership"})
	tok := a.token(u)
	path := fmt.Sprintf("%s/api/v1/assessments/%d/indicators/%s/files", a.ts.URL, as.ID, a.fw.Capability("leadership").Indicators[0].Key)
	want := hashOf(newFakePDF(size))

	var peak, peakLive atomic.Uint64
	stop := make(chan struct{})
	runtime.GC()
	base, baseLive := heapObjects()
	go func() {
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				h, live := heapObjects()
				if h > peak.Load() {
					peak.Store(h)
				}
				if live > peakLive.Load() {
					peakLive.Store(live)
				}
			}
		}
	}()
	b.SetBytes(2 * size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		id := benchUpload(b, tok, path, size)
		req, _ := http.NewRequest(http.MethodGet, fmt.Sprintf("%s/api/v1/files/%d", a.ts.URL, id), nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		res, err := http.DefaultClient.Do(req)
		if err != nil || res.StatusCode != 200 {
			b.Fatalf("download: %v %v", err, res)
		}
		got := hashOf(res.Body)
		res.Body.Close()
		if got != want {
			b.Fatalf("downloaded hash %s, want %s", got, want)
		}
		if r := a.api(tok, "DELETE", fmt.Sprintf("/api/v1/files/%d", id), nil); r.Status != 200 {
			b.Fatalf("delete: %d", r.Status)
		}
	}
	b.StopTimer()
	close(stop)
	if used, _ := a.db.EvidenceUsage(context.Background(), org.ID); used != 0 {
		b.Fatalf("%d bytes left", used)
	}
	b.ReportMetric(above(peak.Load(), base), "peak-heap-MB")
	b.ReportMetric(above(peakLive.Load(), baseLive), "peak-live-MB")
}

// benchUpload streams a multipart body through a pipe: the client never
// holds the file either.
func benchUpload(b *testing.B, tok, url string, size int64) int64 {
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		part, err := mw.CreateFormFile("file", "large-report.pdf")
		if err == nil {
			_, err = io.Copy(part, newFakePDF(size))
		}
		if err == nil {
			err = mw.Close()
		}
		pw.CloseWithError(err)
	}()
	req, _ := http.NewRequest(http.MethodPost, url, pr)
	req.Header.Set("Authorization", "Bearer "+tok)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer res.Body.Close()
	var body struct {
		ID int64 `json:"id"`
	}
	raw, _ := io.ReadAll(res.Body)
	if res.StatusCode != 201 {
		b.Fatalf("upload: %d %s", res.StatusCode, raw)
	}
	if err := jsonUnmarshal(raw, &body); err != nil {
		b.Fatal(err)
	}
	return body.ID
}

// newFakePDF is size bytes starting like a PDF, then reproducible noise.
func newFakePDF(size int64) io.Reader {
	noise := rand.NewChaCha8([32]byte{1, 6})
	return io.MultiReader(io.LimitReader(io.MultiReader(stringsReader("%PDF-1.4\n"), noise), size))
}

func hashOf(r io.Reader) string {
	h := sha256.New()
	io.Copy(h, r)
	return hex.EncodeToString(h.Sum(nil))
}

// heapObjects reads the heap's objects (live and not yet swept) and the
// heap the last collection found live.
func heapObjects() (uint64, uint64) {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64(), s[1].Value.Uint64()
}

func above(v, base uint64) float64 {
	if v < base {
		return 0
	}
	return float64(v-base) / (1 << 20)
}
