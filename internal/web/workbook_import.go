package web

import (
	"encoding/base64"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/view"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
	"github.com/mnr-self-assessment/mnr/internal/web/upload"
	"github.com/mnr-self-assessment/mnr/internal/workbook"
)

// workbookImport takes an upload and shows its preview; the preview's
// confirmation (the same workbook carried back with the preview's digest)
// applies it, all or nothing, unless the preview changed meanwhile.
func (s *Server) workbookImport(contribution bool) func(echo.Context) error {
	return func(c echo.Context) error {
		t, err := httpx.WorkbookUploadTarget(c, s.app, contribution)
		if err != nil {
			return err
		}
		confirm := c.FormValue("confirm") == "1"
		var data []byte
		if confirm {
			if data, err = base64.StdEncoding.DecodeString(c.FormValue("workbook")); err != nil {
				return s.workbookFormError(c, t, assessment.FieldError("file", "The workbook could not be read back from the form. Upload it again."))
			}
		} else if data, err = upload.Workbook(c); err != nil {
			return s.workbookFormError(c, t, err)
		}
		pv, err := s.app.UploadWorkbook(c.Request().Context(), principal(c), actor(c), t, data, true)
		if err != nil {
			return s.workbookFormError(c, t, err)
		}
		if !confirm {
			return s.renderPreview(c, http.StatusOK, t, pv, data, false)
		}
		if previewDigest(pv) != c.FormValue("digest") {
			return s.renderPreview(c, http.StatusConflict, t, pv, data, true)
		}
		if err := s.app.ApplyWorkbook(c.Request().Context(), actor(c), t, pv); err != nil {
			return s.workbookFormError(c, t, err)
		}
		flash(c, s.translator(c).T("WbImported", "New", len(pv.New), "Changed", len(pv.Changed), "Conflicts", len(pv.Conflicts)))
		return c.Redirect(http.StatusSeeOther, view.SubjectPath(t))
	}
}

// renderPreview shows the preview with the confirmation form carrying the
// workbook.
func (s *Server) renderPreview(c echo.Context, status int, t *wbTarget, pv *workbook.Preview, data []byte, stale bool) error {
	return s.renderWorkbook(c, status, t, workbookPage{Preview: pv, Encoded: base64.StdEncoding.EncodeToString(data), Stale: stale}, nil)
}

// workbookFormError shows a bad workbook's message beside the file field
// (422, 409, 413); refusals (403, 404) and failures go to the error page.
func (s *Server) workbookFormError(c echo.Context, t *wbTarget, err error) error {
	de, ok := assessment.AsError(err)
	if !ok || (de.Code != assessment.EINVALID && de.Code != assessment.ECONFLICT && de.Code != assessment.ETOOLARGE) {
		return err
	}
	if de.Field == "" {
		cp := *de
		cp.Field = "file"
		de = &cp
	}
	return s.renderWorkbook(c, statusOf[de.Code], t, workbookPage{}, de)
}
