// Package static embeds the stylesheet, script and images, served under
// content-hashed names so browsers may cache them for a year.
package static

import "embed"

// FS holds every static file.
//
//go:embed *.css *.js *.svg
var FS embed.FS
