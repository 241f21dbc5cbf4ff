package web

import (
	"github.com/mnr-self-assessment/mnr/internal/app"
	"github.com/mnr-self-assessment/mnr/internal/links"
)

// capabilityPath is the page of a capability of a target.
func capabilityPath(t app.Target, key string) string {
	if t.Kind == app.KindContribution {
		return links.ContributionCapability(t.ID, key)
	}
	return links.Capability(t.ID, key)
}
