package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// PrincipalContent is what every request's authorization needs about its
// user.
type PrincipalContent struct {
	User        assessment.User
	Memberships []assessment.Membership
	Assigned    map[int64][]string // assessment id → capability keys assigned
	SharedWith  map[int64]bool     // assessments shared with the user's organisations
}

// principalGrant is one row of the grants query: an assignment (kind "a",
// with its capability) or an assessment shared with one of the user's
// organisations (kind "s").
type principalGrant struct {
	Kind          string
	AssessmentID  int64
	CapabilityKey string
}

// grantsQuery reads a user's assignments and the assessments shared with
// the user's organisations (shared one by one, or every approved one of an
// organisation sharing them all; active shares only) in one statement.
const grantsQuery = `SELECT 'a' AS kind, assessment_id, capability_key FROM assignments WHERE user_id = ?
UNION ALL SELECT 's', sh.assessment_id, '' FROM shares sh JOIN memberships m ON m.organisation_id = sh.partner_organisation_id
 WHERE m.user_id = ? AND sh.revoked_at IS NULL AND sh.assessment_id IS NOT NULL
UNION ALL SELECT 's', a.id, '' FROM shares sh JOIN memberships m ON m.organisation_id = sh.partner_organisation_id
 JOIN assessments a ON a.organisation_id = sh.organisation_id
 WHERE m.user_id = ? AND sh.revoked_at IS NULL AND sh.assessment_id IS NULL AND a.status = ?`

// Principal reads a user with memberships, assignments and shares: it runs
// on every request, so it answers from the cache (principal_cache.go) when
// nothing changed, in one statement, and otherwise reads four statements
// of one read transaction. The maps are shared: callers must not change
// them.
func (s *Store) Principal(ctx context.Context, userID int64) (PrincipalContent, error) {
	if p, ok, err := s.cachedPrincipal(ctx, userID); ok || err != nil {
		return p, err
	}
	var (
		gen    int64
		u      userRow
		ms     []membershipRow
		grants []principalGrant
	)
	err := s.read(ctx).Transaction(func(tx *gorm.DB) (err error) {
		// The generation first: a change committed after it bumps it past
		// what is cached, so the entry is never served stale.
		if gen, err = s.generation(tx); err != nil {
			return err
		}
		if err := tx.First(&u, userID).Error; err != nil {
			return notFound(err, "user")
		}
		if err := tx.Where("user_id = ?", userID).Order("organisation_id").Find(&ms).Error; err != nil {
			return fmt.Errorf("list memberships: %w", err)
		}
		if err := tx.Raw(grantsQuery, userID, userID, userID, string(assessment.StatusApproved)).Scan(&grants).Error; err != nil {
			return fmt.Errorf("list assignments and shares: %w", err)
		}
		return nil
	})
	if err != nil {
		return PrincipalContent{}, err
	}
	out := PrincipalContent{User: u.domain(), Memberships: make([]assessment.Membership, len(ms)),
		Assigned: map[int64][]string{}, SharedWith: map[int64]bool{}}
	for i, m := range ms {
		out.Memberships[i] = m.domain()
	}
	for _, g := range grants {
		if g.Kind == "a" {
			out.Assigned[g.AssessmentID] = append(out.Assigned[g.AssessmentID], g.CapabilityKey)
		} else {
			out.SharedWith[g.AssessmentID] = true
		}
	}
	s.principals.put(gen, userID, out)
	return out, nil
}
