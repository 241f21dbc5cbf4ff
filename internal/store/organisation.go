package store

import (
	"context"
	"fmt"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"gorm.io/gorm"
)

// CreateOrganisation inserts an organisation and audits it.
func (s *Store) CreateOrganisation(ctx context.Context, by assessment.Actor, o assessment.Organisation) (assessment.Organisation, error) {
	row := organisationRow{Name: o.Name, Kind: string(o.Kind), Country: o.Country, CreatedAt: s.now(),
		AcceptsPartnerRequests: o.AcceptsPartnerRequests || o.Kind.AcceptsPartnersByDefault()}
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(&row).Error; err != nil {
			return fmt.Errorf("insert organisation: %w", err)
		}
		return appendAudit(tx, s.now(), by, assessment.AuditEvent{OrganisationID: row.ID, Action: "organisation.create",
			Object: fmt.Sprintf("organisation %d", row.ID), After: auditJSON(row)})
	})
	return row.domain(), err
}

// Organisation returns one organisation.
func (s *Store) Organisation(ctx context.Context, id int64) (assessment.Organisation, error) {
	var row organisationRow
	if err := s.read(ctx).First(&row, id).Error; err != nil {
		return assessment.Organisation{}, notFound(err, "organisation")
	}
	return row.domain(), nil
}

// Organisations lists organisations by name; ids limits the list unless nil
// (nil means every organisation, for platform administrators).
func (s *Store) Organisations(ctx context.Context, ids []int64) ([]assessment.Organisation, error) {
	q := s.read(ctx).Order("name, id")
	if ids != nil {
		if len(ids) == 0 {
			return nil, nil
		}
		q = q.Where("id IN ?", ids)
	}
	var rows []organisationRow
	if err := q.Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list organisations: %w", err)
	}
	out := make([]assessment.Organisation, len(rows))
	for i, r := range rows {
		out[i] = r.domain()
	}
	return out, nil
}
