package web

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/auth"
)

// One-time links last long enough to be passed on by hand.
const (
	invitationTTL = 7 * 24 * time.Hour
	resetTTL      = 24 * time.Hour
)

// absURL is the address to show or mail for path: the configured public
// address or, without one, the address this request came to.
func (s *Server) absURL(c echo.Context, path string) string {
	if s.cfg.BaseURL != "" {
		return strings.TrimRight(s.cfg.BaseURL, "/") + path
	}
	return c.Scheme() + "://" + c.Request().Host + path
}

// canMailLinks: mailing needs a mailer and the configured public address,
// since a Host header chosen by an attacker must never end up in a mailed
// link.
func (s *Server) canMailLinks() bool { return s.cfg.Mailer != nil && s.cfg.BaseURL != "" }

// mailLink sends a one-time link when mail is configured. The outcome is a
// sentence for the person on screen (in the language they read), who can
// still pass the link on by hand. Subject and body are already in the
// recipient's language.
func (s *Server) mailLink(c echo.Context, to, subject, body string) string {
	if !s.canMailLinks() {
		return ""
	}
	if err := s.sendLink(c, to, subject, body); err != nil {
		return s.translator(c).T("AcctMailFailed", "Email", to)
	}
	return s.translator(c).T("AcctMailSent", "Email", to)
}

// sendLink mails a one-time link now (the request waits, up to 20 s), so
// the page can say whether it went out; failures are logged.
func (s *Server) sendLink(c echo.Context, to, subject, body string) error {
	ctx, cancel := context.WithTimeout(c.Request().Context(), 20*time.Second)
	defer cancel()
	subject = strings.Join(strings.Fields(subject), " ") // names typed by users must not break the header
	if err := s.cfg.Mailer.Send(ctx, to, subject, body); err != nil {
		slog.Error("mail not sent", "to", to, "subject", subject, "err", err)
		return fmt.Errorf("send link: %w", err)
	}
	return nil
}

// newLink returns a fresh one-time secret and the hash to store.
func newLink() (secret, hash string) {
	secret = auth.NewSecret(32)
	return secret, auth.HashToken(secret)
}

// signIn starts a fresh session for u in this browser: a new id (against
// session fixation) with nothing carried over from before.
func (s *Server) signIn(c echo.Context, u assessment.User) error {
	sess := session(c)
	if sess == nil {
		return fmt.Errorf("sign in: no session on the request")
	}
	if err := s.sessions.Renew(c.Request(), sess); err != nil {
		return err
	}
	for k := range sess.Values {
		delete(sess.Values, k)
	}
	sess.Values[auth.KeyUserID] = u.ID
	return sess.Save(c.Request(), c.Response())
}

// anonymous is the actor for one-time link pages: the store records the
// account the link belongs to, never whoever else is signed in.
func anonymous(c echo.Context) assessment.Actor { return assessment.Actor{IP: c.RealIP()} }
