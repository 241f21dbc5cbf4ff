package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// apiFramework returns the current framework with its scale. With ?lang=
// every text is given in that language only (falling back to English).
func (s *Server) apiFramework(c echo.Context) error {
	lang := c.QueryParam("lang")
	if lang == "" {
		return c.JSON(http.StatusOK, s.fw)
	}
	return c.JSON(http.StatusOK, localise(s.fw, lang))
}

// localise copies the framework with each Text reduced to one language.
func localise(fw *framework.Framework, lang string) map[string]any {
	one := func(t framework.Text) string { return t.In(lang) }
	var scale []map[string]any
	for _, p := range fw.Scale {
		scale = append(scale, map[string]any{"phase": p.Number, "key": p.Key, "name": one(p.Name), "description": one(p.Description)})
	}
	var domains []map[string]any
	for _, d := range fw.Domains {
		var caps []map[string]any
		for _, c := range d.Capabilities {
			phases := map[int]string{}
			for p, t := range c.Phases {
				phases[p] = one(t)
			}
			var inds []map[string]any
			for _, in := range c.Indicators {
				inds = append(inds, map[string]any{"key": in.Key, "phase": in.Phase, "text": one(in.Text), "evidence": one(in.Evidence)})
			}
			caps = append(caps, map[string]any{"key": c.Key, "number": c.Number, "name": one(c.Name), "short": one(c.Short),
				"description": one(c.Description), "why": one(c.Why), "phases": phases, "indicators": inds, "recommendations": c.Recommendations})
		}
		domains = append(domains, map[string]any{"key": d.Key, "number": d.Number, "name": one(d.Name), "outcome": one(d.Outcome), "capabilities": caps})
	}
	var recs []map[string]any
	for _, r := range fw.Recommendations {
		recs = append(recs, map[string]any{"number": r.Number, "text": one(r.Text)})
	}
	return map[string]any{"version": fw.Version, "lang": lang, "title": one(fw.Title), "scale": scale, "domains": domains, "recommendations": recs}
}
