package assessment

import (
	"errors"
	"fmt"
)

// Error codes shared by every layer. The web layer maps each to one HTTP
// status in a single table; nothing below it knows about HTTP.
const (
	EINVALID      = "invalid"      // bad input; names the field
	ENOTFOUND     = "not_found"    // missing, or not visible to the caller
	ECONFLICT     = "conflict"     // stale version, or a state that forbids the change
	EFORBIDDEN    = "forbidden"    // visible, but the caller may not do this
	EUNAUTHORIZED = "unauthorized" // not signed in
	ETOOMANY      = "rate_limited" // too many attempts
	ETOOLARGE     = "too_large"    // request body over the limit
	EBUSY         = "busy"         // a bounded service (PDF rendering) is full; try again shortly
	EINTERNAL     = "internal"     // anything else; details go to the log only
)

// Error is a domain error: a code, a message safe to show to the user, the
// field at fault (if any) and, for conflicts, the current stored value.
type Error struct {
	Code    string
	Field   string
	Message string
	Current any
	// Fields, for a stale save, names the fields changed both by the
	// writer and by someone else since the writer's version.
	Fields []string
	// Format and Args are what Message was made from; pages in other
	// languages translate Format (the message id) and apply Args again.
	Format string
	Args   []any
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s: %s", e.Code, e.Field, e.Message)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

// Errorf builds an Error with a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Format: format, Args: args}
}

// FieldError builds an EINVALID error naming the field.
func FieldError(field, format string, args ...any) *Error {
	return &Error{Code: EINVALID, Field: field, Message: fmt.Sprintf(format, args...), Format: format, Args: args}
}

// ErrorCode returns the code of a domain error, or EINTERNAL.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	}
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// AsError returns the domain error inside err, if any.
func AsError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// Term is an argument of an error message that is itself a fixed word of
// the interface, such as the name of a kind of object. It prints in English
// (Message, the API); pages in other languages translate it by its message
// id, like the format itself.
type Term struct {
	ID      string // message id, e.g. "Obj_assessment"
	English string
}

func (t Term) String() string { return t.English }

// NotFound is the standard "does not exist or is not yours" error; the same
// message for both so the response never reveals another tenant's objects.
// what is a kind of object ("assessment"); pages translate it through the
// message id "Obj_" + what.
func NotFound(what string) *Error {
	return Errorf(ENOTFOUND, "%s not found", Term{ID: "Obj_" + what, English: what})
}
