// Package app holds the use cases of the questionnaire: load a capability
// to answer, save answers and judgements, for an assessment or an agency's
// contribution alike. Each checks the policy once, reads only the rows it
// needs, once, and writes in one transaction, returning domain errors. It
// knows neither Echo nor GORM, so the HTML pages, the JSON API and the
// command line share it.
package app

import "github.com/mnr-self-assessment/mnr/internal/store"

// App runs the use cases against one store.
type App struct {
	db      *store.Store
	reports *reportCache // built reports, while nothing has changed
}

// New returns the use cases over db.
func New(db *store.Store) *App { return &App{db: db, reports: newReportCache()} }
