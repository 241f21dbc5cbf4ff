package assessment

import "time"

// Token is a personal access token for the API; only its hash is stored.
type Token struct {
	ID         int64
	UserID     int64
	Name       string
	Hash       string
	CreatedAt  time.Time
	ExpiresAt  time.Time
	LastUsedAt *time.Time
	RevokedAt  *time.Time
}

// Invitation asks someone, by email, to join an organisation with a role.
// Only the hash of the link's secret is stored.
type Invitation struct {
	ID             int64
	OrganisationID int64
	Email          string
	Role           Role
	Hash           string
	InvitedBy      *int64
	CreatedAt      time.Time
	ExpiresAt      time.Time
	UsedAt         *time.Time
	UsedBy         *int64
	RevokedAt      *time.Time
}

// PasswordReset is a one-time link to set a new password; only the hash of
// its secret is stored.
type PasswordReset struct {
	ID        int64
	UserID    int64
	Hash      string
	CreatedBy *int64
	CreatedAt time.Time
	ExpiresAt time.Time
	UsedAt    *time.Time
}
