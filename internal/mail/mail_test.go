package mail_test

import (
	"bufio"
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/mail"
)

// fakeSMTP accepts one message and returns the envelope and data it saw.
func fakeSMTP(t *testing.T) (addr string, got <-chan string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	ch := make(chan string, 1)
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		defer conn.Close()
		conn.SetDeadline(time.Now().Add(5 * time.Second))
		r, w := bufio.NewReader(conn), bufio.NewWriter(conn)
		say := func(s string) { w.WriteString(s + "\r\n"); w.Flush() }
		var log strings.Builder
		say("220 fake ESMTP")
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				ch <- log.String()
				return
			}
			cmd := strings.ToUpper(strings.TrimSpace(line))
			log.WriteString(strings.TrimSpace(line) + "\n")
			switch {
			case strings.HasPrefix(cmd, "EHLO"), strings.HasPrefix(cmd, "HELO"):
				say("250 fake")
			case cmd == "DATA":
				say("354 go ahead")
				for {
					l, err := r.ReadString('\n')
					if err != nil || l == ".\r\n" {
						break
					}
					log.WriteString(l)
				}
				say("250 queued")
			case cmd == "QUIT":
				say("221 bye")
				ch <- log.String()
				return
			default:
				say("250 ok")
			}
		}
	}()
	return ln.Addr().String(), ch
}

func TestParse(t *testing.T) {
	m, err := mail.Parse("smtp://user:secret@mail.example.org:2525?from=noreply@example.org")
	if err != nil {
		t.Fatal(err)
	}
	if m.Addr != "mail.example.org:2525" || m.From != "noreply@example.org" || m.Auth == nil {
		t.Errorf("parsed %+v", m)
	}
	m, err = mail.Parse("smtp://relay.example.org?from=MNR%20%3Cnoreply@example.org%3E")
	if err != nil || m.Addr != "relay.example.org:587" || m.Auth != nil || m.From != "noreply@example.org" {
		t.Errorf("defaults: %+v, %v", m, err)
	}
	for _, bad := range []string{"http://x.example.org?from=a@example.org", "smtp://x.example.org", "smtp://?from=a@example.org"} {
		if _, err := mail.Parse(bad); err == nil {
			t.Errorf("%s: want an error", bad)
		}
	}
}

func TestSend(t *testing.T) {
	addr, got := fakeSMTP(t)
	m := &mail.SMTP{Addr: addr, From: "noreply@example.org"}
	if err := m.Send(context.Background(), "ana@example.org", "Invitation à Démoland", "Line one\n.starts with a dot\nhttps://mnr.example.org/invitations/abc"); err != nil {
		t.Fatal(err)
	}
	log := <-got
	for _, want := range []string{"MAIL FROM:<noreply@example.org>", "RCPT TO:<ana@example.org>", "To: ana@example.org",
		"Subject: =?utf-8?q?", "Content-Type: text/plain; charset=utf-8", "..starts with a dot", "https://mnr.example.org/invitations/abc"} {
		if !strings.Contains(log, want) {
			t.Errorf("conversation lacks %q:\n%s", want, log)
		}
	}
}

func TestSendRefusesHeaderInjection(t *testing.T) {
	m := &mail.SMTP{Addr: "127.0.0.1:1", From: "noreply@example.org"}
	if err := m.Send(context.Background(), "a@example.org\r\nBcc: b@example.org", "hi", "x"); err == nil {
		t.Error("a line break in the recipient must be refused")
	}
}
