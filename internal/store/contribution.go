package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
)

type contributionRow struct {
	ID             int64 `gorm:"primaryKey"`
	AssessmentID   int64
	OrganisationID int64
	DueDate        *time.Time
	Status         string
	CreatedAt      time.Time
	SubmittedAt    *time.Time
}

func (contributionRow) TableName() string { return "contributions" }

func (r contributionRow) domain(caps []string, agency organisationRow) assessment.Contribution {
	c := assessment.Contribution{ID: r.ID, AssessmentID: r.AssessmentID, OrganisationID: r.OrganisationID, Agency: agency.domain(),
		Status: assessment.ContributionStatus(r.Status), Capabilities: caps, CreatedAt: r.CreatedAt, SubmittedAt: r.SubmittedAt}
	if r.DueDate != nil {
		d := assessment.Day(*r.DueDate)
		c.DueDate = &d
	}
	return c
}

type contributionCapabilityRow struct {
	ContributionID int64  `gorm:"primaryKey"`
	CapabilityKey  string `gorm:"primaryKey"`
}

func (contributionCapabilityRow) TableName() string { return "contribution_capabilities" }

// CreateContribution invites an agency of the assessment's country into it:
// the contribution, one empty answer row per indicator asked, the audit
// event and the notifications notify decides (nil for none), in one
// transaction. It returns the notifications, for mailing.
func (s *Store) CreateContribution(ctx context.Context, by assessment.Actor, fw *framework.Framework, c assessment.Contribution, notify assessment.ContributionRule) (assessment.Contribution, []assessment.Notification, error) {
	now := s.now()
	var (
		row    contributionRow
		agency organisationRow
		notes  []assessment.Notification
	)
	err := s.tx(ctx, func(tx *gorm.DB) error {
		a, national, err := writableAssessment(tx, c.AssessmentID)
		if err != nil {
			return err
		}
		err = tx.Where("id = ? AND id <> ? AND country = ?", c.OrganisationID, national.ID, national.Country).First(&agency).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return assessment.FieldError("organisation_id", "choose another organisation of %s from the list; a platform administrator adds missing ones", national.Country)
		} else if err != nil {
			return fmt.Errorf("load agency: %w", err)
		}
		var n int64
		if err := tx.Model(&contributionRow{}).Where("assessment_id = ? AND organisation_id = ?", a.ID, agency.ID).Count(&n).Error; err != nil {
			return fmt.Errorf("check contribution: %w", err)
		}
		if n > 0 {
			return assessment.FieldError("organisation_id", "%s is already contributing to this assessment", agency.Name)
		}
		if err := tx.Model(&capabilityStateRow{}).Where("assessment_id = ? AND capability_key IN ?", a.ID, c.Capabilities).Count(&n).Error; err != nil {
			return fmt.Errorf("check scope: %w", err)
		}
		if int(n) != len(c.Capabilities) || n == 0 {
			return assessment.FieldError("capabilities", "choose capabilities of this assessment's scope")
		}
		row = contributionRow{AssessmentID: a.ID, OrganisationID: agency.ID, DueDate: c.DueDate, Status: string(assessment.ContributionInvited), CreatedAt: now}
		if err := tx.Create(&row).Error; err != nil {
			return fmt.Errorf("insert contribution: %w", err)
		}
		var caps []contributionCapabilityRow
		var answers []contributionAnswerRow
		for _, k := range c.Capabilities {
			caps = append(caps, contributionCapabilityRow{ContributionID: row.ID, CapabilityKey: k})
			for _, in := range fw.Assessable(k).Indicators {
				answers = append(answers, contributionAnswerRow{ContributionID: row.ID, IndicatorKey: in.Key, CapabilityKey: k})
			}
		}
		if err := tx.Create(&caps).Error; err != nil {
			return fmt.Errorf("insert contribution capabilities: %w", err)
		}
		if err := tx.CreateInBatches(answers, 100).Error; err != nil {
			return fmt.Errorf("insert contribution answers: %w", err)
		}
		err = appendAudit(tx, now, by, assessment.AuditEvent{OrganisationID: national.ID, AssessmentID: a.ID, Action: "contribution.invite",
			Object: fmt.Sprintf("contribution %d", row.ID), After: auditJSON(map[string]any{"organisation_id": agency.ID,
				"organisation": agency.Name, "capabilities": c.Capabilities, "due_date": dueText(c.DueDate)})})
		if err != nil {
			return err
		}
		if notify == nil {
			return nil
		}
		notes, err = writeNotices(tx, now, notify(national.domain(), a.domain(nil), row.domain(c.Capabilities, agency))...)
		return err
	})
	if err != nil {
		return assessment.Contribution{}, nil, err
	}
	return row.domain(c.Capabilities, agency), notes, nil
}

// writableAssessment loads an assessment and its organisation for a change,
// refusing an approved (locked) one.
func writableAssessment(tx *gorm.DB, id int64) (assessmentRow, organisationRow, error) {
	var (
		a   assessmentRow
		org organisationRow
	)
	if _, err := unlockedAssessment(tx, id); err != nil {
		return a, org, err
	}
	if err := tx.First(&a, id).Error; err != nil {
		return a, org, notFound(err, "assessment")
	}
	if err := tx.First(&org, a.OrganisationID).Error; err != nil {
		return a, org, fmt.Errorf("load organisation: %w", err)
	}
	return a, org, nil
}

func dueText(d *time.Time) string {
	if d == nil {
		return ""
	}
	return d.Format(time.DateOnly)
}
