package web

import (
	"html/template"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// The texts of the contribution, consolidation, notification and home
// pages are messages of the agency area (internal/i18n/locales/agency.*.json):
// ids Contrib…, Consol…, Notif…, Tasks… and Home…. A contribution's status
// is named by ContribStatus_<status>.

// contributionStatusLabel is a contribution's status in tr's language.
func contributionStatusLabel(tr *i18n.Translator, st assessment.ContributionStatus) string {
	return translatedOr(tr, "ContribStatus_"+string(st), string(st))
}

// contributionFuncs are the template functions of the contribution,
// consolidation and notification pages, in one language; the policy ones
// let pages show only the links a user may follow.
func (s *Server) contributionFuncs(tr *i18n.Translator) template.FuncMap {
	return template.FuncMap{
		"contributionStatus":   func(st assessment.ContributionStatus) string { return contributionStatusLabel(tr, st) },
		"canViewContributions": func(p *policy.Principal, a assessment.Assessment) bool { return policy.CanViewContributions(p, &a) },
		"adoptedFrom": func(a assessment.Answer, contributionID int64) bool {
			return a.Source == assessment.SourceContribution && a.SourceContributionID != nil && *a.SourceContributionID == contributionID
		},
	}
}

// errorText is what a page shows of an error in its language: a domain
// error's translated message, else the error's text.
func (s *Server) errorText(c echo.Context, err error) string {
	if de, ok := assessment.AsError(err); ok {
		return s.localizeError(c, de).Message
	}
	return err.Error()
}
