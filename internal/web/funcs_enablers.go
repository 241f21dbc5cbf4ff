package web

import (
	"html/template"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// enablerFuncs are the template functions that keep capabilities and
// enablers apart where a page counts them.
func enablerFuncs() template.FuncMap {
	return template.FuncMap{
		// capabilityCount is how many capabilities (not enablers) an
		// assessment covers, read in its own framework version.
		"capabilityCount": func(a assessment.Assessment) int { return capabilityCount(&a) },
	}
}

func capabilityCount(a *assessment.Assessment) int {
	fw, err := framework.Get(a.FrameworkVersion)
	if err != nil {
		return len(a.Scope)
	}
	n := 0
	for _, k := range a.Scope {
		if fw.Capability(k) != nil {
			n++
		}
	}
	return n
}
