package web

import (
	"errors"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/web/upload"
)

// evidenceMemory is how much of an upload's form is kept in memory; the
// rest of a file goes to a temporary file, which the server deletes when
// the request ends. The store then reads it in pieces of the same size.
const evidenceMemory = 256 << 10

var (
	uploadPath   = regexp.MustCompile(`^(/api/v1)?/(assessments|contributions)/[0-9]+/indicators/[^/]+/files$|^(/api/v1)?/actions/[0-9]+/files$|^/files/[0-9]+/replace$`)
	replacePath  = regexp.MustCompile(`^/api/v1/files/[0-9]+$`)
	downloadPath = regexp.MustCompile(`^(/api/v1)?/files/[0-9]+$|/evidence\.zip$`)
)

// isEvidenceUpload reports the routes that take a file: the only ones
// allowed a body over the usual 1 MB.
func isEvidenceUpload(r *http.Request) bool {
	return (r.Method == http.MethodPost && uploadPath.MatchString(r.URL.Path)) ||
		(r.Method == http.MethodPut && replacePath.MatchString(r.URL.Path))
}

// isEvidenceDownload reports file downloads, which are sent as stored
// (not compressed again, with their own length).
func isEvidenceDownload(c echo.Context) bool {
	p := c.Request().URL.Path
	// Every GET asks: the plain tests first spare most of them the pattern.
	return (strings.Contains(p, "/files/") || strings.HasSuffix(p, "/evidence.zip")) && downloadPath.MatchString(p)
}

// evidenceBody runs after authentication and before the CSRF check. On an
// upload route it allows a signed-in user one file's size plus the form
// around it (others keep the usual limit), and parses the multipart form
// with little memory, so that neither the CSRF check (which reads the
// token from the form) nor the handler holds the file in memory. A body
// over the limit is refused here (413); a body that is no form is refused
// only after the handler's policy check (upload.Defer).
func (s *Server) evidenceBody(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		if !isEvidenceUpload(r) {
			return next(c)
		}
		if principal(c) == nil {
			r.Body = http.MaxBytesReader(c.Response(), r.Body, 1<<20)
			return next(c) // requireUser answers
		}
		slowTransfer(c)
		r.Body = http.MaxBytesReader(c.Response(), r.Body, assessment.MaxEvidenceSize+1<<20)
		if err := r.ParseMultipartForm(evidenceMemory); err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				return assessment.ErrEvidenceTooLarge()
			}
			// Answered once the handler has checked the caller's rights.
			upload.Defer(c, assessment.FieldError("file", "send the file as a form upload (multipart/form-data) in the field \"file\""))
		}
		return next(c)
	}
}

// evidenceQuota is the bytes of files each organisation may keep.
func (s *Server) evidenceQuota() int64 {
	if s.cfg.EvidenceQuota > 0 {
		return s.cfg.EvidenceQuota
	}
	return assessment.DefaultEvidenceQuota
}

// evidenceTransferTime is how long one upload or download of evidence may
// take: 20 MB over a slow connection (256 kbit/s) needs about ten minutes,
// far beyond the server's usual read and write timeouts.
const evidenceTransferTime = 15 * time.Minute

// slowTransfer extends this request's read and write deadlines for a file.
func slowTransfer(c echo.Context) {
	rc := http.NewResponseController(c.Response())
	at := time.Now().Add(evidenceTransferTime)
	_ = rc.SetReadDeadline(at) // not every writer supports deadlines (tests)
	_ = rc.SetWriteDeadline(at)
}
