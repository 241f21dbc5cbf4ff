// Package metrics holds the application's Prometheus metrics
// (prometheus/client_golang) in one registry, and small functions the other
// packages call to record what happened. It knows no web framework: the web
// layer, the PDF renderer, background jobs and the store's pools all report
// through these functions, and Handler serves the registry.
package metrics

import (
	"database/sql"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Registry holds every metric of the process (and the Go runtime's and the
// process's own), rather than the global default registry, so nothing a
// library registers leaks into /metrics unseen.
var Registry = prometheus.NewRegistry()

// Latency buckets in seconds: pages answer in milliseconds, PDF exports in
// seconds.
var requestBuckets = []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30}

var (
	requestDuration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "mnr_http_request_duration_seconds", Help: "Time to answer HTTP requests, by method, route pattern and status.",
		Buckets: requestBuckets,
	}, []string{"method", "route", "status"})
	saves = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "mnr_saves_total", Help: "Answer and judgement saves, by what was saved and the outcome (ok, conflict, invalid, refused, error).",
	}, []string{"kind", "result"})
	conflicts = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "mnr_conflicts_total", Help: "Requests refused with 409 because the data changed since it was read, by route pattern.",
	}, []string{"route"})
	signInFailures = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "mnr_signin_failures_total", Help: "Failed sign-ins: a wrong email or password, or an unknown API token.",
	}, []string{"method"})
	rateLimited = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "mnr_rate_limited_total", Help: "Requests refused with 429 by a rate limit, by route pattern.",
	}, []string{"route"})
	pageCache = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "mnr_page_cache_total", Help: "Pages that may be served again from the page cache, by result (hit, miss).",
	}, []string{"result"})
	pdfQueue = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "mnr_pdf_queue_depth", Help: "PDF renders waiting for a free renderer.",
	})
	pdfRender = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "mnr_pdf_render_duration_seconds", Help: "Time to render one PDF, by result (ok, error).",
		Buckets: []float64{.5, 1, 2, 3, 5, 8, 13, 21, 34, 60},
	}, []string{"result"})
	jobRuns = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "mnr_job_runs_total", Help: "Background job runs in this instance, by job and result (ok, error).",
	}, []string{"job", "result"})
	jobDuration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "mnr_job_duration_seconds", Help: "Time a background job run took, by job.",
		Buckets: []float64{.01, .1, .5, 1, 5, 15, 60, 300, 900},
	}, []string{"job"})
	jobLastSuccess = prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Name: "mnr_job_last_success_timestamp_seconds", Help: "Unix time of each job's last successful run in this instance.",
	}, []string{"job"})
	backupBytes = prometheus.NewGauge(prometheus.GaugeOpts{
		Name: "mnr_backup_last_size_bytes", Help: "Size of the last scheduled backup written by this instance.",
	})
	buildInfo = prometheus.NewGaugeVec(prometheus.GaugeOpts{
		Name: "mnr_build_info", Help: "Always 1; the labels name the running version and framework.",
	}, []string{"version", "framework"})
)

func init() {
	Registry.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		requestDuration, saves, conflicts, signInFailures, rateLimited, pageCache, pdfQueue, pdfRender,
		jobRuns, jobDuration, jobLastSuccess, backupBytes, buildInfo)
}

// Handler serves the registry in the Prometheus text format, uncompressed:
// the web server compresses responses itself.
func Handler() http.Handler {
	return promhttp.HandlerFor(Registry, promhttp.HandlerOpts{Registry: Registry, DisableCompression: true})
}

// ObserveRequest records one answered HTTP request. route is the route
// pattern ("/assessments/:id"), never the raw path, so ids do not multiply
// the series.
func ObserveRequest(method, route string, status int, d time.Duration) {
	requestDuration.WithLabelValues(method, route, strconv.Itoa(status)).Observe(d.Seconds())
}

// Saved counts a save of kind (answer, capability, contribution) with its
// result (ok, conflict, invalid, refused, error).
func Saved(kind, result string) { saves.WithLabelValues(kind, result).Inc() }

// Conflict counts a 409 on route.
func Conflict(route string) { conflicts.WithLabelValues(route).Inc() }

// SignInFailed counts a failed sign-in by method ("password" or "token").
func SignInFailed(method string) { signInFailures.WithLabelValues(method).Inc() }

// PageCached counts a page served from the page cache (hit) or rendered
// and kept (miss).
func PageCached(hit bool) {
	if hit {
		pageCacheHits.Inc()
		return
	}
	pageCacheMisses.Inc()
}

var pageCacheHits, pageCacheMisses = pageCache.WithLabelValues("hit"), pageCache.WithLabelValues("miss")

// RateLimited counts a 429 on route.
func RateLimited(route string) { rateLimited.WithLabelValues(route).Inc() }

// SetPDFQueueDepth reports how many PDF renders wait for a renderer; the
// PDF renderer calls it whenever its queue changes.
func SetPDFQueueDepth(n int) { pdfQueue.Set(float64(n)) }

// ObservePDFRender records one PDF render and its outcome.
func ObservePDFRender(d time.Duration, err error) {
	pdfRender.WithLabelValues(result(err)).Observe(d.Seconds())
}

// JobRun records one run of a background job (a run this instance did:
// polls that found another instance's lease are not runs).
func JobRun(job string, d time.Duration, err error) {
	jobRuns.WithLabelValues(job, result(err)).Inc()
	jobDuration.WithLabelValues(job).Observe(d.Seconds())
	if err == nil {
		jobLastSuccess.WithLabelValues(job).SetToCurrentTime()
	}
}

// BackupWritten records the size of a scheduled backup.
func BackupWritten(bytes int64) { backupBytes.Set(float64(bytes)) }

// SetBuildInfo publishes the running version.
func SetBuildInfo(version, framework string) {
	buildInfo.Reset()
	buildInfo.WithLabelValues(version, framework).Set(1)
}

func result(err error) string {
	if err != nil {
		return "error"
	}
	return "ok"
}

var dbMu sync.Mutex
var dbCollectors = map[string]prometheus.Collector{}

// RegisterDB exports a connection pool's statistics (open, in use, idle,
// waits and wait time, closed connections) under db_name=role. Registering
// a role again replaces the previous pool, so a reopened store is followed.
func RegisterDB(role string, db *sql.DB) {
	dbMu.Lock()
	defer dbMu.Unlock()
	if old, ok := dbCollectors[role]; ok {
		Registry.Unregister(old)
	}
	c := collectors.NewDBStatsCollector(db, role)
	if err := Registry.Register(c); err != nil {
		return
	}
	dbCollectors[role] = c
}
