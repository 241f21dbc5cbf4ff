package policy

import "github.com/mnr-self-assessment/mnr/internal/assessment"

// CanImportWorkbook: whoever may edit at least one capability of the
// assessment may upload a filled workbook; what it would change is then
// checked capability by capability (CanEditCapability).
func CanImportWorkbook(p *Principal, a *assessment.Assessment) bool {
	for _, k := range a.Scope {
		if CanEditCapability(p, a, k) {
			return true
		}
	}
	return false
}
