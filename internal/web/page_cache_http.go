package web

import (
	"bytes"
	"net/http"
	"slices"

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

// flashWaiting: a one-time message is to be shown on this page.
func flashWaiting(c echo.Context) bool {
	sess := session(c)
	if sess == nil {
		return false
	}
	f, _ := sess.Values["flash"].(string)
	return f != ""
}
