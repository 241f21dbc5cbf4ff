package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/jobs"
	"github.com/mnr-self-assessment/mnr/internal/store"
	"github.com/mnr-self-assessment/mnr/internal/web"
)

// startJobs starts the background work of serve on timers, never on page
// views: the "due soon" reminders and the mail outbox. Each run takes the
// job's lease in the database, and the outbox also claims each
// notification (store.ClaimOutbox), so with several instances on one
// database every reminder is written and every mail sent once.
func startJobs(ctx context.Context, r *jobs.Runner, o *opsOptions, db *store.Store, srv *web.Server) {
	r.Every(ctx, "reminders", max(o.remindEvery, time.Second), func(ctx context.Context) error {
		n, err := jobs.DueSoonReminders(ctx, db, time.Now().UTC())
		if n > 0 {
			slog.Info("due soon reminders offered", "count", n)
		}
		return err
	})
	r.Every(ctx, "mail-outbox", max(o.mailEvery, time.Second), srv.DeliverMail)
}
