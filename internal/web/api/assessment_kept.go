package api

import (
	"bytes"
	"fmt"
	"github.com/klauspost/compress/gzip"
	"io"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/lru"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// Bounds of the kept assessments: a demo-sized assessment's JSON is about
// 8 KB gzipped, so a few hundred readers' assessments fit in 4 MB.
const (
	keptAssessmentEntries = 256
	keptAssessmentBytes   = 4 << 20
)

// keptAssessment is the JSON of GET /api/v1/assessments/{id}, gzipped, as
// built at one data version, with the assessment it shows: every reader
// gets the same JSON, so it is built once for all, while who may read it
// is asked of the policy on every request, against head.
type keptAssessment struct {
	version string // the database's data version read before building
	head    assessment.Assessment
	gzipped []byte
}

func (k *keptAssessment) size() int { return len(k.version) + len(k.gzipped) + 512 }

// keptAssessments holds them by assessment id. An entry is good while the
// database's data version (store.DataVersion) is the one read before its
// build: nothing was committed since, by this server or another, so it is
// byte for byte what building again would give.
type keptAssessments struct {
	kept *lru.Cache[int64, *keptAssessment]
}

func newKeptAssessments() *keptAssessments {
	return &keptAssessments{kept: lru.New[int64](keptAssessmentEntries, keptAssessmentBytes, (*keptAssessment).size)}
}

// get returns the entry of id built at version ("" never matches).
func (ks *keptAssessments) get(id int64, version string) *keptAssessment {
	if version == "" {
		return nil
	}
	k, _ := ks.kept.Get(id, func(k *keptAssessment) bool { return k.version == version })
	return k
}

// put keeps k, unless its version is unknown.
func (ks *keptAssessments) put(k *keptAssessment) {
	if k.version != "" {
		ks.kept.Put(k.head.ID, k)
	}
}

// writeKept sends k as c.JSON would have sent its value: gzipped as kept
// when the client takes gzip, inflated otherwise.
func writeKept(c echo.Context, k *keptAssessment) error {
	res := c.Response()
	if httpx.AcceptsGzip(c.Request()) {
		res.Header().Set(echo.HeaderContentType, echo.MIMEApplicationJSON)
		httpx.SetGzipped(res.Header(), len(k.gzipped))
		res.WriteHeader(http.StatusOK)
		_, err := res.Write(k.gzipped)
		return err
	}
	zr, err := gzip.NewReader(bytes.NewReader(k.gzipped))
	if err != nil {
		return fmt.Errorf("kept assessment: %w", err)
	}
	plain, err := io.ReadAll(zr)
	if err != nil {
		return fmt.Errorf("kept assessment: %w", err)
	}
	return c.JSONBlob(http.StatusOK, plain)
}
