package links

// Action is one action of a plan; its forms post to Action(id)+"/edit",
// "/status", "/delete" and "/files".
func Action(actionID int64) string { return "/actions/" + id(actionID) }

// File is an evidence file's download; its forms post to File(id)+"/remove"
// and "/replace".
func File(fileID int64) string { return "/files/" + id(fileID) }

// Comment is a review comment; its form posts to Comment(id)+"/resolve".
func Comment(commentID int64) string { return "/comments/" + id(commentID) }

// Invitations is where an organisation's invitations are created; an
// invitation is revoked at Invitations(org)+"/<id>/revoke".
func Invitations(orgID int64) string { return "/organisations/" + id(orgID) + "/invitations" }

// UserPasswordReset is where an administrator creates a user's reset link.
func UserPasswordReset(userID int64) string { return "/users/" + id(userID) + "/password-reset" }
