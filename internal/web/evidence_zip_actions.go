package web

import (
	"context"
	"fmt"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// zipActionFile is one file of a plan action in the evidence bundle.
type zipActionFile struct {
	file   assessment.EvidenceFile
	path   string // actions/<action id>/<file id>-<filename>
	action string // the action's title, for index.csv
}

// zipActionFiles lists the current files of the assessment's plan actions
// (the evidence of their implementation), in the plan's order: one query,
// and one more for the actions' titles when there are files.
func (s *Server) zipActionFiles(ctx context.Context, assessmentID int64) ([]zipActionFile, error) {
	byAction, err := s.db.AssessmentActionFiles(ctx, assessmentID)
	if err != nil || len(byAction) == 0 {
		return nil, err
	}
	acts, err := s.db.Actions(ctx, assessmentID)
	if err != nil {
		return nil, err
	}
	var out []zipActionFile
	for _, a := range acts {
		for _, f := range byAction[a.ID] {
			out = append(out, zipActionFile{file: f, path: fmt.Sprintf("actions/%d/%d-%s", a.ID, f.ID, f.Filename), action: a.Title})
		}
	}
	return out, nil
}
