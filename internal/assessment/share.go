package assessment

import (
	"strings"
	"time"
)

// Share is an organisation's consent to show reports to a partner
// organisation: one assessment, or (AssessmentID nil) every approved
// assessment, including those approved later. A revoked share stays on
// record but no longer grants anything.
type Share struct {
	ID                    int64
	OrganisationID        int64
	OrganisationName      string
	PartnerOrganisationID int64
	PartnerName           string
	AssessmentID          *int64
	AssessmentTitle       string
	AssessmentPeriod      string
	CreatedBy             string
	CreatedAt             time.Time
	RevokedAt             *time.Time
	RevokedBy             string
}

// Active reports whether the share still grants access.
func (s Share) Active() bool { return s.RevokedAt == nil }

// ShareInput is what an owner chooses: the partner by name (or id, from
// the API) and one assessment or, with AssessmentID 0, all approved ones.
type ShareInput struct {
	PartnerName  string
	PartnerID    int64
	AssessmentID int64
	// NameField is the field the name came in ("partner" on the form,
	// "partner_name" in the API), for error messages.
	NameField string
}

// Validate normalises the partner name; whether the partner exists is
// checked by the store, which reports it on the field the caller used.
func (in *ShareInput) Validate() error {
	in.PartnerName = strings.TrimSpace(in.PartnerName)
	if in.PartnerID < 0 {
		return FieldError("partner_organisation_id", "must be the id of an organisation")
	}
	if in.PartnerID == 0 {
		if err := requiredLine(in.PartnerField(), in.PartnerName, MaxName); err != nil {
			return err
		}
	}
	if in.AssessmentID < 0 {
		return FieldError("assessment_id", "must be the id of an assessment, or empty for all approved assessments")
	}
	return nil
}

// PartnerField is the field a missing partner is reported on: the one the
// caller filled in.
func (in *ShareInput) PartnerField() string {
	if in.PartnerID > 0 {
		return "partner_organisation_id"
	}
	if in.NameField != "" {
		return in.NameField
	}
	return "partner"
}

// CheckPartner is the rule for the partner a share names, as looked up
// (zero when none was found): another organisation, which accepts partner
// requests. Unknown and unwilling partners get the same answer, so the id
// field cannot be used to list organisations or to notify them.
func (in *ShareInput) CheckPartner(orgID int64, partner Organisation) error {
	if partner.ID == orgID {
		return FieldError(in.PartnerField(), "an organisation cannot share with itself")
	}
	if partner.ID == 0 || !partner.AcceptsPartnerRequests {
		return FieldError(in.PartnerField(), "no organisation accepting partner requests is registered here under this name or id; check the exact name with the partner")
	}
	return nil
}
