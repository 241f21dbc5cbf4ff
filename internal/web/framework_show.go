package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// frameworkPage is the methodology page: what the framework is, the phase
// rule in words, the scale, and the capabilities and enablers.
type frameworkPage struct {
	Framework *framework.Framework
	Versions  []string
}

// frameworkShow shows a framework version (?version=, default the current
// one): the page the capability page links to for "how is this phase
// suggested". The framework is public knowledge, so any signed-in user
// may read it.
func (s *Server) frameworkShow(c echo.Context) error {
	fw := s.fw
	if v := c.QueryParam("version"); v != "" && v != fw.Version {
		other, err := framework.Get(v)
		if err != nil {
			return echo.NewHTTPError(http.StatusNotFound, "no such framework version")
		}
		fw = other
	}
	versions, err := framework.Versions()
	if err != nil {
		return err
	}
	return s.render(c, "framework", pageData{Title: fw.Title.In(s.translator(c).Lang.Code), Data: frameworkPage{Framework: fw, Versions: versions}})
}
