package report

import (
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
)

// Report is everything the report page, the printed PDF and the exports
// show, computed once from an assessment and, optionally, its previous cycle.
// Texts are already in the report's language.
type Report struct {
	Lang         string
	Generated    time.Time
	Cover        Cover
	Scores       Scores
	Summary      []string // plain sentences, in order
	Domains      []DomainSection
	Capabilities []CapabilitySection // in scope, MNR order
	// Annex lists every indicator in scope with its answer, unanswered ones
	// included, so the printed record shows what is still open.
	Annex    []AnnexEntry
	Previous *Comparison // nil when there is no previous cycle
	Files    []FileEntry // evidence files, in indicator order (AddFiles)
	// Enablers are the MNR enablers in scope, in their own section
	// (enablers.go); nothing in Scores or Summary counts them.
	Enablers []EnablerSection
	// Plan is the assessment's action plan (plan_report.go); nil until
	// AttachPlan is called.
	Plan *Plan

	// Figures are the headline figures, computed and formatted once;
	// Findings the key findings written from them.
	Figures  Figures
	Findings []string
	Method   Method
	// Participants is empty until SetProcess is called.
	Participants Participants
	charts       *chartSet // drawn once (Charts)

	phaseNames []string
	tr         *i18n.Translator
}

// Cover is the title page.
type Cover struct {
	AssessmentID     int64
	Organisation     string
	Country          string
	Title            string
	Period           string
	FrameworkVersion string
	FrameworkTitle   string
	Status           string
	StatusLabel      string
	National         bool // every capability is in scope
	ApprovedAt       *time.Time
	ApprovedBy       string // who approved; empty when not approved
	Generated        time.Time
	Marking          assessment.Marking
	MarkingLabel     string
	// Draft is true until the assessment is approved: every page then
	// carries the "DRAFT — not approved" watermark.
	Draft bool
}

// DomainSection is one domain with its capabilities in scope.
type DomainSection struct {
	Key          string
	Number       int
	Name         string
	Outcome      string
	Score        DomainScore
	Answered     Share    // indicators answered, of the domain's in scope
	Capabilities []string // keys, in MNR order
}

// CapabilitySection is one capability's page of the report.
type CapabilitySection struct {
	Key          string
	Number       int
	Name         string
	Short        string
	Description  string
	DomainKey    string
	DomainNumber int
	DomainName   string
	Score        CapabilityScore

	// PhaseName and PhaseText describe the confirmed phase; empty when the
	// capability is not assessed.
	PhaseName     string
	PhaseText     string
	SuggestedName string
	Justification string
	TargetName    string
	State         StateInfo

	Indicators []IndicatorLine // all, framework order
	Met        []IndicatorLine // answered Yes
	NotMet     []IndicatorLine // every other answer, unanswered included

	// NextPhase is the phase to work towards: one above the confirmed phase,
	// or above the suggestion while the capability is not assessed; nil at
	// the top of the scale. NextSteps are its indicators not yet answered
	// Yes (Not applicable ones excluded: they do not block the phase).
	NextPhase       *int
	NextPhaseName   string
	NextSteps       []IndicatorLine
	Recommendations []RecommendationLine

	// Previous is the phase in the previous cycle; nil when there is no
	// previous cycle, the capability was outside it or not assessed then.
	Previous *int
	// Rating: not assessed with its reason, jagged flags, data gaps.
	Rating RatingInfo
}

// StateInfo is the assessor's record on a capability, for the exports.
type StateInfo struct {
	Confirmed *int
	Target    *int
	Priority  string
	Lead      string
	Version   int
	UpdatedBy string
	UpdatedAt time.Time
}

// IndicatorLine is one indicator with its answer.
type IndicatorLine struct {
	Key         string
	Number      string // "4.7": capability number and position
	Phase       int
	Text        string
	EvidenceFor string // what evidence the framework suggests
	Value       assessment.AnswerValue
	ValueLabel  string
	Evidence    string
	Links       []string
	Note        string
	Version     int
	UpdatedBy   string
	UpdatedAt   time.Time
}

// Answered reports whether the indicator has an answer.
func (l IndicatorLine) Answered() bool { return l.Value != assessment.Unanswered }

// RecommendationLine is a framework recommendation bearing on a capability.
type RecommendationLine struct {
	Number int
	Text   string
}

// AnnexEntry is one row of the annex.
type AnnexEntry struct {
	DomainNumber     int
	DomainName       string
	CapabilityNumber int
	CapabilityKey    string
	CapabilityName   string
	IndicatorLine
}

// Comparison is the assessment set against the country's own previous cycle.
type Comparison struct {
	AssessmentID     int64
	Title            string
	Period           string
	FrameworkVersion string
	Scores           Scores
	MovedUp          []Change
	Slipped          []Change
	Unchanged        int
	// NewlyAssessed are capabilities with a phase now and none before.
	NewlyAssessed []Change
}

// Change is one capability's move between cycles.
type Change struct {
	Key    string
	Number int
	Name   string
	From   *int // nil when not assessed before
	To     int
}
