package main

import (
	"flag"
	"fmt"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// evidenceFlags adds the evidence files' settings to serve and returns a
// function that reads them once the flags are parsed: the bytes of files
// each organisation may keep (each distinct file counted once).
func evidenceFlags(fs *flag.FlagSet) func() (int64, error) {
	quota := fs.String("evidence-quota", envOr("MNR_EVIDENCE_QUOTA", assessment.SizeText(assessment.DefaultEvidenceQuota)),
		"evidence files each organisation may store in all, e.g. 500MB or 5GB (env MNR_EVIDENCE_QUOTA); one file is at most "+assessment.MaxEvidenceSizeText)
	return func() (int64, error) {
		n, err := parseBytes(*quota)
		if err != nil {
			return 0, fmt.Errorf("-evidence-quota: %w", err)
		}
		if n < assessment.MaxEvidenceSize {
			return 0, fmt.Errorf("-evidence-quota: %s is less than one file may be (%s)", *quota, assessment.MaxEvidenceSizeText)
		}
		return int64(n), nil
	}
}
