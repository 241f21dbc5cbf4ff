package view

import (
	"html/template"
	"strings"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/filetype"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// The texts of the contribution, consolidation, notification and home
// pages are messages of the agency area (internal/i18n/locales/agency.*.json):
// ids Contrib…, Consol…, Notif…, Tasks… and Home….

// contributionFuncs are the template functions of the contribution,
// consolidation and notification pages, in one language; the policy ones
// let pages show only the links a user may follow.
func contributionFuncs(tr *i18n.Translator) template.FuncMap {
	return template.FuncMap{
		"contributionStatus": func(st assessment.ContributionStatus) string { return ContributionStatusLabel(tr, st) },
		"canViewContributions": func(p *policy.Principal, a assessment.Assessment) bool {
			return policy.CanViewContributions(p, &a)
		},
		"adoptedFrom": func(a assessment.Answer, contributionID int64) bool {
			return a.Source == assessment.SourceContribution && a.SourceContributionID != nil && *a.SourceContributionID == contributionID
		},
	}
}

// reportDocFuncs are the report templates' helpers.
func reportDocFuncs(tr *i18n.Translator) template.FuncMap {
	return template.FuncMap{
		"markings": func() []assessment.Marking { return assessment.Markings },
		"joinList": func(l []string) string { return strings.Join(l, tr.T("ReportListSep")) },
	}
}

// EvidenceAccept hints the file chooser at the accepted types; the server
// decides from the bytes whatever the chooser lets through.
const EvidenceAccept = ".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.png,.jpg,.jpeg,.gif,.webp,.txt,application/pdf,image/png,image/jpeg,image/gif,image/webp,text/plain"

// evidenceFuncs are the evidence files' helpers.
func evidenceFuncs() template.FuncMap {
	return template.FuncMap{
		"fileType":       filetype.Label,
		"fileSize":       assessment.SizeText,
		"evidenceAccept": func() string { return EvidenceAccept },
	}
}

// enablerFuncs keep capabilities and enablers apart where a page counts
// them.
func enablerFuncs() template.FuncMap {
	return template.FuncMap{
		// capabilityCount is how many capabilities (not enablers) an
		// assessment covers, read in its own framework version.
		"capabilityCount": func(a assessment.Assessment) int { return CapabilityCount(&a) },
	}
}

// CapabilityCount is how many capabilities (not enablers) a covers.
func CapabilityCount(a *assessment.Assessment) int {
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
