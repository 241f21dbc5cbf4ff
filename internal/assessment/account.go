package assessment

import (
	"net/mail"
	"strings"
)

// Languages are the interface languages a user may prefer, as language
// tags (the same list as the i18n package's, which the web layer shows).
var Languages = []string{"en", "ar", "fr", "es"}

// MaxEmail is the longest email address accepted (RFC 5321's path limit).
const MaxEmail = 254

// ProfileInput is what a user may change about themselves.
type ProfileInput struct {
	Name string
	Lang string
}

// Validate trims the name and checks both fields.
func (in *ProfileInput) Validate() error {
	in.Name = strings.TrimSpace(in.Name)
	if err := requiredLine("name", in.Name, MaxName); err != nil {
		return err
	}
	for _, l := range Languages {
		if in.Lang == l {
			return nil
		}
	}
	return FieldError("lang", "choose one of the listed languages")
}

// InvitationInput is what an owner supplies to invite someone.
type InvitationInput struct {
	Email string
	Role  string
}

// Validate normalises the email to lower case and checks the role.
func (in *InvitationInput) Validate() error {
	email, err := NormaliseEmail(in.Email)
	if err != nil {
		return err
	}
	in.Email = email
	if !Role(in.Role).Valid() {
		return FieldError("role", "choose one of the listed roles")
	}
	return nil
}

// NormaliseEmail accepts a bare address (no display name, no line breaks)
// and returns it trimmed and in lower case, the form accounts are keyed by.
func NormaliseEmail(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", FieldError("email", "is required")
	}
	if err := CheckLine("email", s); err != nil { // before ToLower, which would mend bad bytes
		return "", err
	}
	s = strings.ToLower(s)
	if len(s) > MaxEmail || strings.ContainsAny(s, "\r\n<> ,;") {
		return "", FieldError("email", "is not a valid email address")
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || !strings.Contains(s[strings.LastIndexByte(s, '@')+1:], ".") {
		return "", FieldError("email", "is not a valid email address")
	}
	return s, nil
}
