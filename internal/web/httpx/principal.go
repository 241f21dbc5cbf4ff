package httpx

import (
	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

const (
	ctxPrincipal       = "principal"
	ctxLogOrganisation = "log.organisation"
)

// SetPrincipal records who makes the request, once authenticated.
func SetPrincipal(c echo.Context, p *policy.Principal) { c.Set(ctxPrincipal, p) }

// Principal returns the signed-in user, or nil.
func Principal(c echo.Context) *policy.Principal {
	p, _ := c.Get(ctxPrincipal).(*policy.Principal)
	return p
}

// Actor is the principal as recorded on rows and in the audit trail.
func Actor(c echo.Context) assessment.Actor {
	a := assessment.Actor{IP: c.RealIP()}
	if p := Principal(c); p != nil {
		a.UserID, a.Name = p.User.ID, p.User.Name
	}
	return a
}

// LogOrganisation records the organisation a request works on (an
// assessment's, say), so its log line can name it.
func LogOrganisation(c echo.Context, id int64) { c.Set(ctxLogOrganisation, id) }

// LoggedOrganisation is what LogOrganisation recorded, if anything.
func LoggedOrganisation(c echo.Context) (int64, bool) {
	id, ok := c.Get(ctxLogOrganisation).(int64)
	return id, ok
}

// NoteView records the organisation of an assessment's capability (not a
// contribution's) in the request log.
func NoteView(c echo.Context, v *app.CapabilityView) {
	if v != nil && v.Contribution == nil {
		LogOrganisation(c, v.Detail.Assessment.OrganisationID)
	}
}
