package assessment

import (
	"strings"
	"time"
)

// Comment kinds: an ordinary review comment, the comment an assessment was
// returned with, and the reason it was reopened.
const (
	CommentPlain  = "comment"
	CommentReturn = "return"
	CommentReopen = "reopen"
)

// Comment is one message of a review thread. CapabilityKey is empty for a
// comment on the assessment as a whole; ParentID is the thread's first
// comment for replies. Only a thread's first comment is resolved.
type Comment struct {
	ID            int64
	AssessmentID  int64
	CapabilityKey string
	ParentID      *int64
	UserID        int64
	Author        string
	Kind          string
	Body          string
	CreatedAt     time.Time
	ResolvedAt    *time.Time
	ResolvedBy    string
	Replies       []Comment
}

// The author (or resolver) named for a comment without a person: one
// written by the command line or the demo, or by an account since erased.
const (
	AuthorSystem = "the system"
	AuthorFormer = "a former member"
)

// Resolved reports whether the thread is closed.
func (c Comment) Resolved() bool { return c.ResolvedAt != nil }

// CommentInput is a new comment or reply.
type CommentInput struct {
	CapabilityKey string
	ParentID      int64
	Body          string
}

// Validate checks the text and that the capability is part of the
// assessment (empty: a general comment).
func (in *CommentInput) Validate(a *Assessment) (Comment, error) {
	in.Body = strings.TrimSpace(in.Body)
	in.CapabilityKey = strings.TrimSpace(in.CapabilityKey)
	if err := requiredText("body", in.Body, MaxComment); err != nil {
		return Comment{}, err
	}
	if in.CapabilityKey != "" && !a.InScope(in.CapabilityKey) {
		return Comment{}, FieldError("capability", "capability %q is not part of this assessment", in.CapabilityKey)
	}
	if in.ParentID < 0 {
		return Comment{}, FieldError("parent_id", "must be the id of a comment")
	}
	c := Comment{AssessmentID: a.ID, CapabilityKey: in.CapabilityKey, Kind: CommentPlain, Body: in.Body}
	if in.ParentID > 0 {
		id := in.ParentID
		c.ParentID = &id
	}
	return c, nil
}

// Threads groups a flat, oldest-first list into threads: first comments
// with their replies, in the order they were started.
func Threads(list []Comment) []Comment {
	var out []Comment
	at := map[int64]int{}
	for _, c := range list {
		if c.ParentID == nil {
			at[c.ID] = len(out)
			out = append(out, c)
		}
	}
	for _, c := range list {
		if c.ParentID != nil {
			if i, ok := at[*c.ParentID]; ok {
				out[i].Replies = append(out[i].Replies, c)
			}
		}
	}
	return out
}
