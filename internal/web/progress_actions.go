package web

import (
	"context"

	"github.com/mnr-self-assessment/mnr/internal/report"
)

// progressActions counts, per capability, the actions of the previous
// cycle done since, for "3 of 5 actions done; phase 2 → 3"; nil with fewer
// than two comparable cycles.
func (s *Server) progressActions(ctx context.Context, p *report.Progress) (map[string]report.ActionCount, error) {
	n := len(p.Cycles)
	if n < 2 || !p.Cycles[n-2].Comparable {
		return nil, nil
	}
	prev, err := s.db.Actions(ctx, p.Cycles[n-2].AssessmentID)
	if err != nil {
		return nil, err
	}
	later, err := s.db.Actions(ctx, p.Cycles[n-1].AssessmentID)
	if err != nil {
		return nil, err
	}
	return report.ActionProgress(s.fw, p.Cycles[n-2].FrameworkVersion, prev, later), nil
}
