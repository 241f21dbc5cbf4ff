package report

import "github.com/mnr-self-assessment/mnr/internal/assessment"

// AddActionFiles lists the current files of the plan's actions (the
// evidence of their implementation) after the indicators' files, in plan
// order: call it after AttachPlan and AddFiles. byAction holds each
// action's files (store.ActionFiles).
func (r *Report) AddActionFiles(byAction map[int64][]assessment.EvidenceFile) {
	if r.Plan == nil {
		return
	}
	for _, row := range r.Plan.Rows {
		for _, f := range byAction[row.Action.ID] {
			e := fileEntry(f)
			e.ActionID, e.Action = row.Action.ID, row.Action.Title
			r.Files = append(r.Files, e)
		}
	}
}

// actionFilesCell lists an action's files in one cell of the plan's table.
func (r *Report) actionFilesCell(actionID int64) string {
	var parts []string
	for _, f := range r.Files {
		if f.ActionID == actionID {
			parts = append(parts, fileText(f))
		}
	}
	return joinCell(parts)
}
