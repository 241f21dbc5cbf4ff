package api

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"sync"

	"github.com/klauspost/compress/gzip"
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

	mu       sync.Mutex
	building map[keptKey]chan struct{} // builds under way, closed when they end
}

type keptKey struct {
	id      int64
	version string
}

func newKeptAssessments() *keptAssessments {
	return &keptAssessments{kept: lru.New[int64](keptAssessmentEntries, keptAssessmentBytes, (*keptAssessment).size),
		building: map[keptKey]chan struct{}{}}
}

// obtain returns the entry of id at version: kept, or built by build, which
// asks the policy for its reader (built is then true). Readers arriving
// while the same entry is being built wait for it rather than build it
// again (after a save, every client polling the assessment would);
// when that build kept nothing (its reader may not see the assessment, an
// error) each builds its own.
func (ks *keptAssessments) obtain(ctx context.Context, id int64, version string, build func() (*keptAssessment, error)) (k *keptAssessment, built bool, err error) {
	if k = ks.get(id, version); k != nil {
		return k, false, nil
	}
	if version != "" {
		key := keptKey{id, version}
		ks.mu.Lock()
		under, waiting := ks.building[key]
		if !waiting {
			ks.building[key] = make(chan struct{})
		}
		ks.mu.Unlock()
		if waiting {
			select {
			case <-under:
			case <-ctx.Done():
				return nil, false, fmt.Errorf("wait for assessment %d: %w", id, ctx.Err())
			}
			if k = ks.get(id, version); k != nil {
				return k, false, nil
			}
		} else {
			defer ks.built(key)
		}
	}
	if k, err = build(); err != nil {
		return nil, true, err
	}
	ks.put(k)
	return k, true, nil
}

// built ends the build of key, releasing its waiters.
func (ks *keptAssessments) built(key keptKey) {
	ks.mu.Lock()
	defer ks.mu.Unlock()
	close(ks.building[key])
	delete(ks.building, key)
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
