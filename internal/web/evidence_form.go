package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/links"
	"github.com/mnr-self-assessment/mnr/internal/store"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
	"github.com/mnr-self-assessment/mnr/internal/web/upload"
)

// evidenceUploadForm: the capability page's upload form for one indicator
// (multipart: file, several allowed; title; date). Back to the indicator on
// success; the same page with the message beside the field otherwise.
func (s *Server) evidenceUploadForm(c echo.Context) error {
	d, t, err := httpx.EvidenceTarget(c, s.app)
	if err == nil {
		err = s.storeEvidenceForm(c, t)
	}
	if err != nil {
		if d == nil {
			return err
		}
		return s.evidenceFormError(c, err, &evidenceFormState{Key: c.Param("key")}, app.AssessmentTarget(d.Assessment.ID), capabilityOf(d, c.Param("key")))
	}
	return s.backToIndicator(c, d.Assessment.ID, 0, d.Framework.Indicator(t.IndicatorKey).Capability.Key, t.IndicatorKey)
}

// contributionEvidenceUploadForm is the same on an agency's contribution.
func (s *Server) contributionEvidenceUploadForm(c echo.Context) error {
	cd, t, err := httpx.ContributionEvidenceTarget(c, s.app)
	if err == nil {
		err = s.storeEvidenceForm(c, t)
	}
	if err != nil {
		if cd == nil {
			return err
		}
		return s.evidenceFormError(c, err, &evidenceFormState{Key: c.Param("key")}, app.ContributionTarget(cd.Contribution.ID), capabilityOf(cd.Detail, c.Param("key")))
	}
	return s.backToIndicator(c, cd.National.ID, cd.Contribution.ID, cd.Framework.Indicator(t.IndicatorKey).Capability.Key, t.IndicatorKey)
}

func (s *Server) storeEvidenceForm(c echo.Context, t store.EvidenceTarget) error {
	ups, err := upload.Evidence(c, true, s.evidenceQuota())
	if err != nil {
		return err
	}
	defer upload.Close(ups)
	files, err := s.db.AddEvidence(c.Request().Context(), actor(c), t, ups...)
	if err == nil {
		flash(c, s.translator(c).T("EvidenceAdded", "Count", len(files)))
	}
	return err
}

// backToIndicator redirects to the questionnaire page at the indicator.
func (s *Server) backToIndicator(c echo.Context, assessmentID, contributionID int64, capability, key string) error {
	path := links.Capability(assessmentID, capability) + "#files-" + key
	if contributionID != 0 {
		path = links.ContributionCapability(contributionID, capability) + "#files-" + key
	}
	return c.Redirect(http.StatusSeeOther, path)
}

// evidenceFormError shows a refused upload, replacement or removal on its
// questionnaire page (bad input, too large, locked); other errors (not
// found, forbidden) take the usual error page.
func (s *Server) evidenceFormError(c echo.Context, err error, st *evidenceFormState, t app.Target, capabilityKey string) error {
	de, ok := assessment.AsError(err)
	if !ok || capabilityKey == "" || (de.Code != assessment.EINVALID && de.Code != assessment.ETOOLARGE && de.Code != assessment.ECONFLICT) {
		return err
	}
	status := statusOf[de.Code]
	de = s.localizeError(c, de)
	st.Message = de.Message
	if form := c.Request().MultipartForm; form != nil {
		st.Title, st.Date = upload.First(form.Value["title"]), upload.First(form.Value["date"])
	}
	c.Set(ctxEvidenceForm, st)
	v, lerr := s.app.LoadCapability(c.Request().Context(), principal(c), t, capabilityKey)
	if lerr != nil {
		return lerr
	}
	return s.renderCapability(c, status, v, nil, nil, de)
}

// capabilityOf is the key of the capability holding an indicator, or "".
func capabilityOf(d *assessment.Detail, indicatorKey string) string {
	if ind := d.Framework.Indicator(indicatorKey); ind != nil {
		return ind.Capability.Key
	}
	return ""
}

// evidenceReplaceForm: a new version of a file from the questionnaire page.
func (s *Server) evidenceReplaceForm(c echo.Context) error {
	o, err := httpx.EvidenceFileToChange(c, s.app)
	if o == nil {
		return err
	}
	if err == nil {
		err = s.replaceEvidence(c, o)
	}
	if err != nil {
		return s.evidenceFormError(c, err, &evidenceFormState{Key: o.File.IndicatorKey, FileID: o.File.ID}, o.Target(), o.Capability)
	}
	if o.Action != nil {
		return backToAction(c, o.Action.AssessmentID, o.Action.ID)
	}
	return s.backToIndicator(c, o.File.AssessmentID, ptrID(o.File.ContributionID), o.Capability, o.File.IndicatorKey)
}

func (s *Server) replaceEvidence(c echo.Context, o *app.EvidenceOwner) error {
	ups, err := upload.Evidence(c, false, s.evidenceQuota())
	if err != nil {
		return err
	}
	defer upload.Close(ups)
	if _, err := s.db.ReplaceEvidence(c.Request().Context(), actor(c), o.File.ID, ups[0]); err != nil {
		return err
	}
	flash(c, s.translator(c).T("EvidenceReplaced"))
	return nil
}

// evidenceRemoveForm: removes a file (every version) from the page.
func (s *Server) evidenceRemoveForm(c echo.Context) error {
	o, err := httpx.EvidenceFileToChange(c, s.app)
	if o == nil {
		return err
	}
	if err == nil {
		err = s.db.RemoveEvidence(c.Request().Context(), actor(c), o.File.ID)
	}
	if err != nil {
		return s.evidenceFormError(c, err, &evidenceFormState{Key: o.File.IndicatorKey}, o.Target(), o.Capability)
	}
	flash(c, s.translator(c).T("EvidenceRemoved", "Title", o.File.Title))
	if o.Action != nil {
		return backToAction(c, o.Action.AssessmentID, o.Action.ID)
	}
	return s.backToIndicator(c, o.File.AssessmentID, ptrID(o.File.ContributionID), o.Capability, o.File.IndicatorKey)
}

func ptrID(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}
