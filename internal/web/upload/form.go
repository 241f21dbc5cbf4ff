package upload

import "github.com/labstack/echo/v4"

const ctxFormError = "upload.form_error"

// Defer records why the request's upload form could not be read (not a
// form, a broken one) without answering yet: the handler first decides
// whether the caller may upload there at all, so that a refusal (404, 403)
// comes before any complaint about the file (422), which Evidence then
// returns.
func Defer(c echo.Context, err error) { c.Set(ctxFormError, err) }

// deferred is the error Defer recorded, if any.
func deferred(c echo.Context) error {
	err, _ := c.Get(ctxFormError).(error)
	return err
}
