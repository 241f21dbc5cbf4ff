// Package mail sends the few messages the application sends (invitations
// and password reset links) through an SMTP server named by a URL.
package mail

import (
	"context"
	"fmt"
	"mime"
	"net"
	"net/mail"
	"net/smtp"
	"net/url"
	"strings"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/logx"
)

// Sender delivers one plain-text message.
type Sender interface {
	Send(ctx context.Context, to, subject, body string) error
}

// SMTP sends through a server given as smtp://user:pass@host:port?from=addr.
// net/smtp upgrades to TLS when the server offers STARTTLS, and refuses to
// send a password over an unencrypted link to anything but localhost.
type SMTP struct {
	Addr string // host:port
	Auth smtp.Auth
	From string
}

// Parse reads an MNR_SMTP_URL.
func Parse(raw string) (*SMTP, error) {
	u, err := url.Parse(raw)
	if err != nil {
		// url.Parse's error quotes the whole URL, password included.
		return nil, fmt.Errorf("MNR_SMTP_URL is not a valid URL: %s", logx.Redact(err.Error()))
	}
	if u.Scheme != "smtp" || u.Hostname() == "" {
		return nil, fmt.Errorf("MNR_SMTP_URL must look like smtp://user:pass@host:587?from=noreply@example.org")
	}
	from, err := mail.ParseAddress(u.Query().Get("from"))
	if err != nil {
		return nil, fmt.Errorf("MNR_SMTP_URL needs ?from= with the sender's address: %w", err)
	}
	port := u.Port()
	if port == "" {
		port = "587"
	}
	m := &SMTP{Addr: net.JoinHostPort(u.Hostname(), port), From: from.Address}
	if u.User != nil {
		pw, _ := u.User.Password()
		m.Auth = smtp.PlainAuth("", u.User.Username(), pw, u.Hostname())
	}
	return m, nil
}

// Send delivers the message; it gives up when ctx ends.
func (m *SMTP) Send(ctx context.Context, to, subject, body string) error {
	if strings.ContainsAny(to+subject, "\r\n") {
		return fmt.Errorf("mail: line break in recipient or subject")
	}
	msg := Message(m.From, to, subject, body)
	done := make(chan error, 1)
	go func() { done <- smtp.SendMail(m.Addr, m.Auth, m.From, []string{to}, msg) }()
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("mail to %s: %w", to, err)
		}
		return nil
	case <-ctx.Done():
		return fmt.Errorf("mail to %s: %w", to, ctx.Err())
	}
}

// Message formats a plain-text UTF-8 message with CRLF line endings.
func Message(from, to, subject, body string) []byte {
	var b strings.Builder
	h := func(k, v string) { b.WriteString(k + ": " + v + "\r\n") }
	h("From", from)
	h("To", to)
	h("Subject", mime.QEncoding.Encode("utf-8", subject))
	h("Date", time.Now().Format(time.RFC1123Z))
	h("MIME-Version", "1.0")
	h("Content-Type", "text/plain; charset=utf-8")
	h("Content-Transfer-Encoding", "8bit")
	b.WriteString("\r\n")
	// net/smtp dot-stuffs lines that start with "." itself.
	for _, line := range strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n") {
		b.WriteString(line + "\r\n")
	}
	return []byte(b.String())
}
