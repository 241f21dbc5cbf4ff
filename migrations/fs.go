// Package migrations embeds the SQL schema, one folder per database dialect,
// run by pressly/goose at start-up and by `mnr migrate`.
package migrations

import "embed"

// FS holds sqlite/*.sql and postgres/*.sql.
//
//go:embed sqlite/*.sql postgres/*.sql
var FS embed.FS
