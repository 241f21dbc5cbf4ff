package store

import (
	"strings"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// Row types mirror the tables; they never leave this package.

type organisationRow struct {
	ID      int64 `gorm:"primaryKey"`
	Name    string
	Kind    string
	Country string
	// AcceptsPartnerRequests gates CreateShare (migration 00013).
	AcceptsPartnerRequests bool
	CreatedAt              time.Time
}

func (organisationRow) TableName() string { return "organisations" }

func (r organisationRow) domain() assessment.Organisation {
	return assessment.Organisation{ID: r.ID, Name: r.Name, Kind: assessment.OrgKind(r.Kind), Country: r.Country, AcceptsPartnerRequests: r.AcceptsPartnerRequests, CreatedAt: r.CreatedAt}
}

type assessmentRow struct {
	ID               int64 `gorm:"primaryKey"`
	OrganisationID   int64
	Title            string
	Period           string
	FrameworkVersion string
	Status           string
	Version          int
	CreatedAt        time.Time
	UpdatedAt        time.Time
	ApprovedAt       *time.Time
	ApprovedBy       *int64
	SubmittedAt      *time.Time
	ReturnedAt       *time.Time
	PreviousID       *int64
	Marking          string
}

func (assessmentRow) TableName() string { return "assessments" }

func (r assessmentRow) domain(scope []string) assessment.Assessment {
	return assessment.Assessment{ID: r.ID, OrganisationID: r.OrganisationID, Title: r.Title, Period: r.Period,
		FrameworkVersion: r.FrameworkVersion, Status: assessment.Status(r.Status), Scope: scope,
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, ApprovedAt: r.ApprovedAt,
		ApprovedBy: r.ApprovedBy, SubmittedAt: r.SubmittedAt, ReturnedAt: r.ReturnedAt, PreviousID: r.PreviousID,
		Marking: markingOf(r.Marking)}
}

type capabilityStateRow struct {
	AssessmentID   int64  `gorm:"primaryKey"`
	CapabilityKey  string `gorm:"primaryKey"`
	ConfirmedPhase *int
	Justification  string
	TargetPhase    *int
	Priority       string
	Lead           string
	Version        int
	UpdatedAt      *time.Time `gorm:"autoUpdateTime:false"`
	UpdatedBy      string
}

func (capabilityStateRow) TableName() string { return "capability_states" }

func (r capabilityStateRow) domain() assessment.CapabilityState {
	s := assessment.CapabilityState{AssessmentID: r.AssessmentID, CapabilityKey: r.CapabilityKey,
		Confirmed: r.ConfirmedPhase, Justification: r.Justification, Target: r.TargetPhase,
		Priority: assessment.Priority(r.Priority), Lead: r.Lead, Version: r.Version, UpdatedBy: r.UpdatedBy}
	if r.UpdatedAt != nil {
		s.UpdatedAt = *r.UpdatedAt
	}
	return s
}

type answerRow struct {
	AssessmentID  int64  `gorm:"primaryKey"`
	IndicatorKey  string `gorm:"primaryKey"`
	CapabilityKey string
	Value         string
	Evidence      string
	Links         string
	Note          string
	Version       int
	UpdatedAt     *time.Time `gorm:"autoUpdateTime:false"`
	UpdatedBy     string
	// CarriedForward: copied from the previous cycle, not yet confirmed.
	CarriedForward bool
	// Provenance: '' typed, 'contribution' adopted, 'coordinator' decided.
	Source               string
	SourceContributionID *int64
	SourceReason         string
}

func (answerRow) TableName() string { return "answers" }

func (r answerRow) domain() assessment.Answer {
	a := assessment.Answer{AssessmentID: r.AssessmentID, IndicatorKey: r.IndicatorKey, CapabilityKey: r.CapabilityKey,
		Value: assessment.AnswerValue(r.Value), Evidence: r.Evidence, Links: assessment.SplitLinks(r.Links),
		Note: r.Note, Version: r.Version, UpdatedBy: r.UpdatedBy, CarriedForward: r.CarriedForward,
		Source: assessment.AnswerSource(r.Source), SourceContributionID: r.SourceContributionID, SourceReason: r.SourceReason}
	if r.UpdatedAt != nil {
		a.UpdatedAt = *r.UpdatedAt
	}
	return a
}

func joinLinks(links []string) string { return strings.Join(links, "\n") }
