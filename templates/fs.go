// Package templates embeds the html/template files: layout.html wraps every
// page; each other file is one page, parsed into its own template set.
package templates

import "embed"

// FS holds every template.
//
//go:embed *.html
var FS embed.FS
