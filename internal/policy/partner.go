package policy

import "github.com/mnr-self-assessment/mnr/internal/assessment"

// CanViewProgress: any member follows the organisation's own progress.
func CanViewProgress(p *Principal, orgID int64) bool {
	_, ok := p.Role(orgID)
	return ok
}

// CanManageSharing: giving and withdrawing consent to share is the
// owner's decision alone.
func CanManageSharing(p *Principal, orgID int64) bool {
	return p.hasRole(orgID, assessment.RoleOwner)
}

// SharingRefusal says why CanManageSharing refused; it is also its message
// id (work.*.json), like every refusal given to the organisation loaders.
const SharingRefusal = "Only the organisation's owners decide what is shared with partners."

// CanViewPartnerDashboard: any signed-in member sees what other
// organisations share with their organisations (possibly nothing).
func CanViewPartnerDashboard(p *Principal) bool { return p != nil && len(p.Memberships) > 0 }
