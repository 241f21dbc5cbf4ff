// Package assessment is the domain: organisations, assessments, answers,
// the suggested-phase rule and input validation. It knows nothing of HTTP or
// SQL; the store persists these types and the web layer shows them.
package assessment

import (
	"time"

	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// OrgKind says what sort of body an organisation is.
type OrgKind string

// Organisation kinds. A coordinating body runs the national assessment;
// the others are agencies or partners.
const (
	KindCoordinating   OrgKind = "coordinating"
	KindLawEnforcement OrgKind = "law-enforcement"
	KindProsecution    OrgKind = "prosecution"
	KindMinistry       OrgKind = "ministry"
	KindHotline        OrgKind = "hotline"
	KindHelpline       OrgKind = "helpline"
	KindRegulator      OrgKind = "regulator"
	KindNGO            OrgKind = "ngo"
	KindIndustry       OrgKind = "industry"
	KindSocialServices OrgKind = "social-services"
	KindEducation      OrgKind = "education"
	KindInternational  OrgKind = "international"
)

// AcceptsPartnersByDefault: NGOs and international partners exist to
// receive shared reports; every other kind must opt in.
func (k OrgKind) AcceptsPartnersByDefault() bool {
	return k == KindNGO || k == KindInternational
}

// OrgKinds lists every kind in display order.
var OrgKinds = []OrgKind{KindCoordinating, KindMinistry, KindLawEnforcement, KindProsecution,
	KindSocialServices, KindEducation, KindHotline, KindHelpline, KindRegulator, KindIndustry,
	KindNGO, KindInternational}

// Valid reports whether k is a known kind.
func (k OrgKind) Valid() bool {
	for _, x := range OrgKinds {
		if x == k {
			return true
		}
	}
	return false
}

// Organisation is a country's coordinating body, an agency or a partner.
type Organisation struct {
	ID      int64
	Name    string
	Kind    OrgKind
	Country string // ISO 3166-1 alpha-2, upper case
	// AcceptsPartnerRequests: other organisations may share reports with
	// this one (and so notify its members); its owners decide.
	AcceptsPartnerRequests bool
	CreatedAt              time.Time
}

// Status is where an assessment is in its life.
type Status string

// Assessment statuses.
const (
	StatusDraft    Status = "draft"
	StatusInReview Status = "in_review"
	StatusApproved Status = "approved"
)

// Assessment is one organisation's self-assessment for one period, pinned to
// the framework version it was started on.
type Assessment struct {
	ID               int64
	OrganisationID   int64
	Title            string
	Period           string
	FrameworkVersion string
	Status           Status
	Scope            []string // capability keys, then enabler keys, in framework order
	CreatedAt        time.Time
	UpdatedAt        time.Time
	ApprovedAt       *time.Time
	// ApprovedBy is the user who approved (nil when not approved or the
	// account is gone); ApprovedByName is their name, for the overview and
	// the report cover.
	ApprovedBy     *int64
	ApprovedByName string
	SubmittedAt    *time.Time
	ReturnedAt     *time.Time
	// PreviousID is the approved assessment this cycle was started from.
	PreviousID *int64
	// Marking is the confidentiality marking printed on the report.
	Marking Marking
}

// InScope reports whether the capability is part of the assessment.
func (a *Assessment) InScope(capabilityKey string) bool {
	for _, k := range a.Scope {
		if k == capabilityKey {
			return true
		}
	}
	return false
}

// National reports whether the assessment covers every capability of fw
// (enablers in scope or not do not change this).
func (a *Assessment) National(fw *framework.Framework) bool {
	for _, c := range fw.Capabilities() {
		if !a.InScope(c.Key) {
			return false
		}
	}
	return true
}

// AnswerValue is the response to one indicator.
type AnswerValue string

// Answer values; the empty value means not answered yet.
const (
	Unanswered AnswerValue = ""
	Yes        AnswerValue = "yes"
	Partly     AnswerValue = "partly"
	No         AnswerValue = "no"
	Unknown    AnswerValue = "unknown"
	NA         AnswerValue = "na"
)

// AnswerValues lists the values a user can choose, in display order.
var AnswerValues = []AnswerValue{Yes, Partly, No, Unknown, NA}

// Valid reports whether v is a known value (including unanswered).
func (v AnswerValue) Valid() bool {
	switch v {
	case Unanswered, Yes, Partly, No, Unknown, NA:
		return true
	}
	return false
}

// Answer is the response to one indicator with its evidence.
type Answer struct {
	AssessmentID  int64
	IndicatorKey  string
	CapabilityKey string
	Value         AnswerValue
	Evidence      string
	Links         []string
	Note          string
	Version       int
	UpdatedAt     time.Time
	UpdatedBy     string
	// CarriedForward marks an answer copied from the previous cycle that
	// nobody has confirmed or changed yet.
	CarriedForward bool
	// Provenance of a national answer: typed directly (SourceTyped), adopted
	// from a contribution, or a coordinator's decision with its reason.
	Source               AnswerSource
	SourceContributionID *int64
	SourceReason         string
	// Base, on a save, holds the values the writer started from for the
	// fields it changed (see MergeAnswer); nil on answers read back.
	Base Fields
}

// Priority is how urgently a gap should be closed.
type Priority string

// Priorities; empty means not set.
const (
	PriorityNone   Priority = ""
	PriorityHigh   Priority = "high"
	PriorityMedium Priority = "medium"
	PriorityLow    Priority = "low"
)

// Priorities lists the settable priorities.
var Priorities = []Priority{PriorityHigh, PriorityMedium, PriorityLow}

// Valid reports whether p is a known priority.
func (p Priority) Valid() bool {
	return p == PriorityNone || p == PriorityHigh || p == PriorityMedium || p == PriorityLow
}

// CapabilityState is the assessor's judgement on one capability. Confirmed
// and Target are nil until set; a nil Confirmed means "use the suggestion".
type CapabilityState struct {
	AssessmentID  int64
	CapabilityKey string
	Confirmed     *int
	Justification string
	Target        *int
	Priority      Priority
	Lead          string
	Version       int
	UpdatedAt     time.Time
	UpdatedBy     string
	// Base, on a save, holds the values the writer started from for the
	// fields it changed (see MergeJudgement); nil on states read back.
	Base Fields
}
