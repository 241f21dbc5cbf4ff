package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// apiFramework returns the current framework with its scale. With ?lang=
// every text is given in that language only (falling back to English).
func (s *handlers) apiFramework(c echo.Context) error {
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
			caps = append(caps, localiseCapability(c, lang))
		}
		domains = append(domains, map[string]any{"key": d.Key, "number": d.Number, "name": one(d.Name), "outcome": one(d.Outcome), "capabilities": caps})
	}
	enablers := []map[string]any{}
	for _, e := range fw.Enablers() {
		enablers = append(enablers, localiseCapability(e, lang))
	}
	var recs []map[string]any
	for _, r := range fw.Recommendations {
		rec := map[string]any{"number": r.Number, "text": one(r.Text)}
		if len(r.Addressee) > 0 {
			rec["addressee"] = one(r.Addressee)
		}
		recs = append(recs, rec)
	}
	return map[string]any{"version": fw.Version, "lang": lang, "title": one(fw.Title), "about": one(fw.About), "rule": one(fw.Rule),
		"scale": scale, "domains": domains, "enablers": enablers, "recommendations": recs}
}

// localiseCapability is one capability or enabler in one language; an
// enabler's number is its label ("E1") and it says its kind, as in the
// full framework's JSON.
func localiseCapability(c *framework.Capability, lang string) map[string]any {
	one := func(t framework.Text) string { return t.In(lang) }
	phases := map[int]string{}
	for p, t := range c.Phases {
		phases[p] = one(t)
	}
	var inds []map[string]any
	for _, in := range c.Indicators {
		inds = append(inds, map[string]any{"key": in.Key, "phase": in.Phase, "text": one(in.Text), "evidence": one(in.Evidence)})
	}
	out := map[string]any{"key": c.Key, "number": c.Number, "name": one(c.Name), "short": one(c.Short),
		"description": one(c.Description), "why": one(c.Why), "phases": phases, "indicators": inds, "recommendations": c.Recommendations}
	if c.IsEnabler() {
		out["number"], out["kind"] = c.Label(), c.Kind
	}
	return out
}
