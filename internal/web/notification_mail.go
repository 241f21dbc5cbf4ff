package web

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"
)

// mailWindow: notifications older than this are never mailed, so turning
// mail on does not flood people with old news.
const mailWindow = 24 * time.Hour

// mailQueue lets one background sender at a time work through the outbox;
// again records that more may have arrived meanwhile.
type mailQueue struct{ running, again atomic.Bool }

// mailAfter wraps a handler so that, when notifications are mailed, a request
// that may have created notifications (any successful write, and the home
// page, which creates "due soon" reminders) wakes the sender. Every
// notification is thereby mailed, whichever feature created it.
func (s *Server) mailAfter(h echo.HandlerFunc) echo.HandlerFunc {
	if !s.mailsNotifications() {
		return h
	}
	return func(c echo.Context) error {
		err := h(c)
		if err == nil && (c.Request().Method != http.MethodGet || c.Path() == "/") {
			s.kickMail()
		}
		return err
	}
}

// mailsNotifications: notifications are mailed when the command line
// asks for it and a Mailer is configured.
func (s *Server) mailsNotifications() bool { return s.cfg.Mailer != nil && s.cfg.MailNotifications }

// kickMail starts the background sender unless it is running, in which
// case it goes round once more.
func (s *Server) kickMail() {
	if !s.mailsNotifications() {
		return
	}
	s.mail.again.Store(true)
	if !s.mail.running.CompareAndSwap(false, true) {
		return
	}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		for s.mail.again.Swap(false) {
			if err := s.deliverMail(ctx); err != nil {
				slog.Error("notification mail", "err", err)
			}
		}
		s.mail.running.Store(false)
		if s.mail.again.Load() {
			s.kickMail()
		}
	}()
}

// deliverMail sends every pending notification once. A notification is
// claimed before sending, so two senders never mail the same one; a failed
// send is logged and the notification stays in the app.
func (s *Server) deliverMail(ctx context.Context) error {
	for {
		items, err := s.db.PendingMail(ctx, time.Now().UTC().Add(-mailWindow), 50)
		if err != nil || len(items) == 0 {
			return err
		}
		for _, it := range items {
			ok, err := s.db.ClaimMail(ctx, it.ID)
			if err != nil {
				return err
			}
			if !ok || it.Email == "" {
				continue
			}
			// In the recipient's language (English when they chose none).
			tr := s.i18n.For(it.Lang)
			body := it.TextIn(tr) + "\n"
			if it.Link != "" && s.cfg.BaseURL != "" {
				body += "\n" + strings.TrimRight(s.cfg.BaseURL, "/") + it.Link + "\n"
			}
			body += "\n" + tr.T("NotifMailFooter") + "\n"
			subject := tr.T("NotifMailSubject", "Kind", notificationKind(tr, it.Kind))
			sctx, cancel := context.WithTimeout(ctx, 20*time.Second)
			if err := s.cfg.Mailer.Send(sctx, it.Email, subject, body); err != nil {
				slog.Error("notification mail not sent", "to", it.Email, "notification", it.ID, "err", err)
			}
			cancel()
		}
		if len(items) < 50 {
			return nil
		}
	}
}
