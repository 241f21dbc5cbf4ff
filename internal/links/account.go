package links

import "net/url"

// Invitation is the page where an invitation's one-time link is accepted;
// the secret is escaped, since a page may echo one from a request.
func Invitation(secret string) string { return "/invitations/" + url.PathEscape(secret) }

// PasswordReset is the page where a reset link's new password is set.
func PasswordReset(secret string) string { return "/password-reset/" + url.PathEscape(secret) }
