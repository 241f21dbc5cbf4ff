package web

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/policy"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// evidenceTarget resolves the :id/indicators/:key of an upload route on an
// assessment, for a principal who may change that indicator's answer.
func (s *Server) evidenceTarget(c echo.Context) (*assessment.Detail, store.EvidenceTarget, error) {
	d, err := s.loadDetail(c)
	if err != nil {
		return nil, store.EvidenceTarget{}, err
	}
	key := c.Param("key")
	ind := d.Framework.Indicator(key)
	if ind == nil || d.Capability(ind.Capability.Key) == nil {
		return d, store.EvidenceTarget{}, assessment.NotFound("indicator")
	}
	if err := mayEdit(c, d, ind.Capability.Key); err != nil {
		return d, store.EvidenceTarget{}, err
	}
	return d, store.EvidenceTarget{AssessmentID: d.Assessment.ID, IndicatorKey: key}, nil
}

// contributionEvidenceTarget is evidenceTarget for an agency's contribution.
func (s *Server) contributionEvidenceTarget(c echo.Context) (*assessment.ContributionDetail, store.EvidenceTarget, error) {
	cd, err := s.loadContribution(c)
	if err != nil {
		return nil, store.EvidenceTarget{}, err
	}
	key := c.Param("key")
	ind := cd.Framework.Indicator(key)
	if ind == nil || cd.Capability(ind.Capability.Key) == nil {
		return cd, store.EvidenceTarget{}, assessment.NotFound("indicator")
	}
	if p := principal(c); !policy.CanEditContribution(p, &cd.Contribution) {
		return cd, store.EvidenceTarget{}, policy.ContributionRefusal(p, &cd.Contribution)
	}
	if err := contributionWritable(cd); err != nil {
		return cd, store.EvidenceTarget{}, err
	}
	return cd, store.EvidenceTarget{AssessmentID: cd.National.ID, ContributionID: cd.Contribution.ID, IndicatorKey: key}, nil
}

// evidenceOwner is a file with what it belongs to, for the policy.
type evidenceOwner struct {
	File         assessment.EvidenceFile
	Assessment   assessment.Assessment
	Contribution *assessment.Contribution
	Action       *assessment.PlanAction // a plan action's file
	Capability   string                 // the indicator's capability key
}

// loadEvidenceFile reads the file named by :id for a principal who may read
// its answer; anyone else is told it does not exist.
func (s *Server) loadEvidenceFile(c echo.Context) (*evidenceOwner, error) {
	id, err := paramID(c, "id", "file")
	if err != nil {
		return nil, err
	}
	ctx := c.Request().Context()
	f, err := s.db.EvidenceFile(ctx, id)
	if err != nil {
		return nil, err
	}
	a, err := s.db.Assessment(ctx, f.AssessmentID)
	if err != nil {
		return nil, err
	}
	o := &evidenceOwner{File: f, Assessment: a}
	if f.ActionID != nil {
		return s.actionFileOwner(c, o)
	}
	if f.ContributionID != nil {
		cn, err := s.db.Contribution(ctx, *f.ContributionID)
		if err != nil {
			return nil, err
		}
		o.Contribution = &cn
	}
	if !policy.CanViewEvidence(principal(c), &o.Assessment, o.Contribution) {
		return nil, assessment.NotFound("file")
	}
	logOrganisation(c, f.OrganisationID)
	if fw, err := framework.Get(a.FrameworkVersion); err == nil {
		if ind := fw.Indicator(f.IndicatorKey); ind != nil {
			o.Capability = ind.Capability.Key
		}
	}
	return o, nil
}

// mayChangeEvidence answers 403 with the reason when the principal may read
// the file but not change it.
func mayChangeEvidence(c echo.Context, o *evidenceOwner) error {
	p := principal(c)
	if o.Action != nil {
		if !policy.CanEditActionFiles(p, &o.Assessment, o.Action) {
			return policy.ActionFilesRefusal()
		}
		return nil
	}
	if !policy.CanEditEvidence(p, &o.Assessment, o.Contribution, o.Capability) {
		return policy.EvidenceRefusal(p, &o.Assessment, o.Contribution, o.Capability)
	}
	return nil
}

// target is the questionnaire the file belongs to.
func (o *evidenceOwner) target() app.Target {
	if o.File.ContributionID != nil {
		return app.ContributionTarget(*o.File.ContributionID)
	}
	return app.AssessmentTarget(o.File.AssessmentID)
}
