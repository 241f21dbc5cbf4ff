package assessment

import "time"

// Role is what a member may do in an organisation.
type Role string

// Roles, from most to least powerful.
const (
	RoleOwner       Role = "owner"       // manages members and sharing
	RoleCoordinator Role = "coordinator" // creates assessments, assigns, submits
	RoleContributor Role = "contributor" // answers what is assigned
	RoleReviewer    Role = "reviewer"    // reads, comments, approves or returns
	RoleViewer      Role = "viewer"      // reads reports
)

// Roles lists every role in order of power.
var Roles = []Role{RoleOwner, RoleCoordinator, RoleContributor, RoleReviewer, RoleViewer}

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	for _, x := range Roles {
		if x == r {
			return true
		}
	}
	return false
}

// User is a person who signs in.
type User struct {
	ID                int64
	Email             string
	Name              string
	Lang              string
	PasswordHash      string
	Admin             bool
	PasswordChangedAt time.Time
	CreatedAt         time.Time
}

// Membership ties a user to an organisation with a role.
type Membership struct {
	ID             int64
	UserID         int64
	OrganisationID int64
	Role           Role
	CreatedAt      time.Time
}
