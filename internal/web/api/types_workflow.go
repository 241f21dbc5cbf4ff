package api

import (
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// JSON shapes of the review workflow, cycles and sharing; like the others,
// a contract separate from the domain types.

type apiWorkflow struct {
	ID             int64      `json:"id"`
	Status         string     `json:"status"`
	SubmittedAt    *time.Time `json:"submitted_at"`
	ReturnedAt     *time.Time `json:"returned_at"`
	ApprovedAt     *time.Time `json:"approved_at"`
	ApprovedBy     *int64     `json:"approved_by"`
	ApprovedByName string     `json:"approved_by_name,omitempty"`
	PreviousID     *int64     `json:"previous_id"`
	Actions        []string   `json:"actions"` // the steps the caller may take now
}

type apiComment struct {
	ID         int64        `json:"id"`
	Capability string       `json:"capability"`
	ParentID   *int64       `json:"parent_id"`
	Author     string       `json:"author"`
	Kind       string       `json:"kind"`
	Body       string       `json:"body"`
	CreatedAt  time.Time    `json:"created_at"`
	Resolved   bool         `json:"resolved"`
	ResolvedAt *time.Time   `json:"resolved_at,omitempty"`
	ResolvedBy string       `json:"resolved_by,omitempty"`
	Replies    []apiComment `json:"replies,omitempty"`
}

func apiCommentOf(c assessment.Comment) apiComment {
	out := apiComment{ID: c.ID, Capability: c.CapabilityKey, ParentID: c.ParentID, Author: c.Author, Kind: c.Kind,
		Body: c.Body, CreatedAt: c.CreatedAt, Resolved: c.Resolved(), ResolvedAt: c.ResolvedAt, ResolvedBy: c.ResolvedBy}
	for _, r := range c.Replies {
		out.Replies = append(out.Replies, apiCommentOf(r))
	}
	return out
}

type apiShare struct {
	ID                    int64      `json:"id"`
	OrganisationID        int64      `json:"organisation_id"`
	Organisation          string     `json:"organisation"`
	PartnerOrganisationID int64      `json:"partner_organisation_id"`
	Partner               string     `json:"partner"`
	AssessmentID          *int64     `json:"assessment_id"` // null: all approved assessments
	CreatedBy             string     `json:"created_by"`
	CreatedAt             time.Time  `json:"created_at"`
	Active                bool       `json:"active"`
	RevokedAt             *time.Time `json:"revoked_at,omitempty"`
	RevokedBy             string     `json:"revoked_by,omitempty"`
}

func apiShareOf(s assessment.Share) apiShare {
	return apiShare{ID: s.ID, OrganisationID: s.OrganisationID, Organisation: s.OrganisationName,
		PartnerOrganisationID: s.PartnerOrganisationID, Partner: s.PartnerName, AssessmentID: s.AssessmentID,
		CreatedBy: s.CreatedBy, CreatedAt: s.CreatedAt, Active: s.Active(), RevokedAt: s.RevokedAt, RevokedBy: s.RevokedBy}
}
