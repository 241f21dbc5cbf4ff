package web

import (
	"bytes"
	"net/http"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"
)

// pageRecorder takes what a handler writes, for fillPage to keep or pass on.
type pageRecorder struct {
	w      http.ResponseWriter
	status int
	wrote  bool
	body   bytes.Buffer
}

func (r *pageRecorder) Header() http.Header { return r.w.Header() }

func (r *pageRecorder) WriteHeader(status int) {
	if !r.wrote {
		r.status, r.wrote = status, true
	}
}

func (r *pageRecorder) Write(b []byte) (int, error) {
	r.WriteHeader(http.StatusOK)
	return r.body.Write(b)
}

// cacheableHeader: the handler set no cookie (a session saved, say) and
// chose no encoding of its own.
func cacheableHeader(before, after http.Header) bool {
	return slices.Equal(before.Values("Set-Cookie"), after.Values("Set-Cookie")) && after.Get("Content-Encoding") == ""
}

// changedHeader is what the handler added to the header, copied so a
// later Add on a served copy cannot write into the kept one.
func changedHeader(before, after http.Header) http.Header {
	out := http.Header{}
	for k, v := range after {
		if !slices.Equal(before[k], v) {
			out[k] = slices.Clip(slices.Clone(v))
		}
	}
	return out
}

// acceptsGzip: the request's Accept-Encoding names gzip without q=0.
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(name), "gzip") {
			q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
			return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
		}
	}
	return false
}

// flashWaiting: a one-time message is to be shown on this page.
func flashWaiting(c echo.Context) bool {
	sess := session(c)
	if sess == nil {
		return false
	}
	f, _ := sess.Values["flash"].(string)
	return f != ""
}
