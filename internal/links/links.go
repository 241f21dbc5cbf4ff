// Package links is the one place where the application's paths are
// written: pages, redirects, notification links and mails all call these
// functions, so a path changes in one file. It imports nothing of ours, so
// every layer may use it; the web package's routes test checks that each
// function names a registered route.
package links

import (
	"net/url"
	"strconv"
)

func id(n int64) string { return strconv.FormatInt(n, 10) }

// Home is the start page.
func Home() string { return "/" }

// Assessment is an assessment's overview.
func Assessment(assessmentID int64) string { return "/assessments/" + id(assessmentID) }

// Capability is the page of one capability of an assessment.
func Capability(assessmentID int64, key string) string {
	return Assessment(assessmentID) + "/capabilities/" + key
}

// Indicators is the prefix an indicator's key is appended to, for saving
// one answer of an assessment.
func Indicators(assessmentID int64) string { return Assessment(assessmentID) + "/indicators/" }

// Review is an assessment's review page.
func Review(assessmentID int64) string { return Assessment(assessmentID) + "/review" }

// Report is an assessment's report page.
func Report(assessmentID int64) string { return Assessment(assessmentID) + "/report" }

// Plan is an assessment's action plan.
func Plan(assessmentID int64) string { return Assessment(assessmentID) + "/plan" }

// PlanAction is one action in the plan.
func PlanAction(assessmentID, actionID int64) string {
	return Plan(assessmentID) + "#action-" + id(actionID)
}

// PlanNew is the form for a new action, prefilled by q (nil: empty).
func PlanNew(assessmentID int64, q url.Values) string {
	p := Plan(assessmentID) + "/new"
	if len(q) > 0 {
		p += "?" + q.Encode()
	}
	return p
}

// Contributions lists the contributions asked for an assessment.
func Contributions(assessmentID int64) string { return Assessment(assessmentID) + "/contributions" }

// Consolidation is the consolidation of an assessment's contributions.
func Consolidation(assessmentID int64) string { return Assessment(assessmentID) + "/consolidation" }

// ConsolidationCapability is the consolidation of one capability.
func ConsolidationCapability(assessmentID int64, key string) string {
	return Consolidation(assessmentID) + "/" + key
}

// Contribution is an agency's contribution overview.
func Contribution(contributionID int64) string { return "/contributions/" + id(contributionID) }

// ContributionCapability is the page of one capability of a contribution.
func ContributionCapability(contributionID int64, key string) string {
	return Contribution(contributionID) + "/capabilities/" + key
}

// ContributionIndicators is Indicators for a contribution.
func ContributionIndicators(contributionID int64) string {
	return Contribution(contributionID) + "/indicators/"
}
