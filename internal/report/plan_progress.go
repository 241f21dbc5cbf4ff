package report

import (
	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// ActionCount is how many of a capability's actions of the previous cycle
// are done since: done then, or done in the cycle that continued them.
type ActionCount struct {
	Done, Total int
}

// ActionProgress counts, per capability of the current framework, the
// previous cycle's actions (dropped ones left out) and how many are done,
// following each carried action into the later cycle.
func ActionProgress(cur *framework.Framework, prevVersion string, prev, later []assessment.PlanAction) map[string]ActionCount {
	continued := map[int64]assessment.PlanAction{}
	for _, a := range later {
		if a.PreviousID != nil {
			continued[*a.PreviousID] = a
		}
	}
	out := map[string]ActionCount{}
	for _, a := range prev {
		status := a.Status
		if c, ok := continued[a.ID]; ok {
			status = c.Status
		}
		if status == assessment.ActionDropped {
			continue
		}
		key, ok := cur.MapCapability(prevVersion, a.CapabilityKey)
		if !ok {
			continue
		}
		n := out[key]
		n.Total++
		if status == assessment.ActionDone {
			n.Done++
		}
		out[key] = n
	}
	return out
}
