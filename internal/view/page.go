package view

import (
	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
	"github.com/mnr-self-assessment/mnr/internal/policy"
)

// Page is what every page template receives; Data is the page's own.
type Page struct {
	Title     string
	Principal *policy.Principal
	CSRF      string
	Lang      string
	Dir       string
	Flash     string
	Error     *assessment.Error
	Status    int
	Path      string
	PDF       bool
	Languages []i18n.Lang // for the language switcher
	Unread    int64       // unread notifications, for the header link
	Data      any
}

// FieldError returns the error message when it names field, for showing
// it beside the input.
func (p Page) FieldError(field string) string {
	if p.Error != nil && p.Error.Field == field {
		return p.Error.Message
	}
	return ""
}
