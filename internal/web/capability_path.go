package web

import (
	"fmt"

	"github.com/mnr-self-assessment/mnr/internal/app"
)

// capabilityPath is the page of a capability of a target.
func capabilityPath(t app.Target, key string) string {
	if t.Kind == app.KindContribution {
		return fmt.Sprintf("/contributions/%d/capabilities/%s", t.ID, key)
	}
	return fmt.Sprintf("/assessments/%d/capabilities/%s", t.ID, key)
}
