package links

// Invitation is the page where an invitation's one-time link is accepted.
func Invitation(secret string) string { return "/invitations/" + secret }

// PasswordReset is the page where a reset link's new password is set.
func PasswordReset(secret string) string { return "/password-reset/" + secret }
