package web

import (
	"context"
	"crypto/rand"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// mailWindow: notifications older than this are never mailed, so turning
// mail on does not flood people with old news.
const mailWindow = 24 * time.Hour

// mailsNotifications: notifications are mailed when the command line
// asks for it and a Mailer is configured.
func (s *Server) mailsNotifications() bool { return s.cfg.Mailer != nil && s.cfg.MailNotifications }

// DeliverMail sends every pending notification once: the mail outbox job,
// run on a timer by serve (never by a request). Each batch is claimed in
// the database (store.ClaimOutbox) under this call's own name, so two
// instances, or two overlapping runs, never mail the same notification;
// a failed send gives its claim back for the next run, and the
// notification stays in the app either way.
func (s *Server) DeliverMail(ctx context.Context) error {
	if !s.mailsNotifications() {
		return nil
	}
	holder := outboxHolder()
	for {
		items, err := s.db.ClaimOutbox(ctx, holder, time.Now().UTC().Add(-mailWindow), 50, 5*time.Minute)
		if err != nil || len(items) == 0 {
			return err
		}
		for _, it := range items {
			if it.Email == "" {
				_, err = s.db.MarkMailed(ctx, holder, it.ID) // nobody to mail: done
			} else {
				err = s.mailOne(ctx, holder, it)
			}
			if err != nil {
				return err
			}
		}
	}
}

// mailOne sends one notification in its recipient's language (English when
// they chose none) and records it as mailed, or gives the claim back.
func (s *Server) mailOne(ctx context.Context, holder string, it assessment.MailItem) error {
	id, to := it.ID, it.Email
	tr := s.i18n.For(it.Lang)
	body := it.TextIn(tr) + "\n"
	if it.Link != "" && s.cfg.BaseURL != "" {
		body += "\n" + strings.TrimRight(s.cfg.BaseURL, "/") + it.Link + "\n"
	}
	body += "\n" + tr.T("NotifMailFooter") + "\n"
	subject := tr.T("NotifMailSubject", "Kind", notificationKind(tr, it.Kind))
	sctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := s.cfg.Mailer.Send(sctx, to, subject, body); err != nil {
		slog.Error("notification mail not sent", "to", to, "notification", id, "err", err)
		return s.db.ReleaseOutbox(ctx, holder, id)
	}
	if ok, err := s.db.MarkMailed(ctx, holder, id); err != nil || !ok {
		slog.Warn("notification mailed after its claim expired; it may have been mailed twice", "notification", id, "err", err)
	}
	return nil
}

// outboxHolder names one outbox run: host, pid and a random part.
func outboxHolder() string {
	h, _ := os.Hostname()
	b := make([]byte, 6)
	rand.Read(b)
	return fmt.Sprintf("%s/%d/%x", h, os.Getpid(), b)
}
