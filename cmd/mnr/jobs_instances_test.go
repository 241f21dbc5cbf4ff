package main

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"net"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// smtpSink is a tiny SMTP server on loopback that keeps every message.
type smtpSink struct {
	mu   sync.Mutex
	msgs []string // "to\nsubject and body"
}

func newSMTPSink(t *testing.T) (*smtpSink, string) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	s := &smtpSink{}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go s.serve(c)
		}
	}()
	return s, ln.Addr().String()
}

func (s *smtpSink) serve(c net.Conn) {
	defer c.Close()
	r := bufio.NewReader(c)
	say := func(l string) { fmt.Fprintf(c, "%s\r\n", l) }
	say("220 sink ESMTP")
	to := ""
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		cmd := strings.ToUpper(strings.TrimSpace(line))
		switch {
		case strings.HasPrefix(cmd, "EHLO"), strings.HasPrefix(cmd, "HELO"):
			say("250 sink")
		case strings.HasPrefix(cmd, "RCPT TO:"):
			to = strings.Trim(strings.TrimSpace(line)[8:], "<> ")
			say("250 ok")
		case cmd == "DATA":
			say("354 go on")
			var data strings.Builder
			for {
				l, err := r.ReadString('\n')
				if err != nil || l == ".\r\n" {
					break
				}
				data.WriteString(l)
			}
			s.mu.Lock()
			s.msgs = append(s.msgs, to+"\n"+data.String())
			s.mu.Unlock()
			say("250 queued")
		case cmd == "QUIT":
			say("221 bye")
			return
		default:
			say("250 ok")
		}
	}
}

func (s *smtpSink) all() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.msgs...)
}

// Two instances of serve on one PostgreSQL database, each running the
// reminder and mail outbox jobs every second: every notification (here
// 20 written directly, and the "due soon" reminders the job writes for an
// agency's two members) is mailed exactly once, and no page view is
// needed for any of it.
func TestTwoInstancesMailEachNotificationOnce(t *testing.T) {
	base := os.Getenv("MNR_TEST_POSTGRES")
	if base == "" {
		base = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
	}
	admin, err := sql.Open("pgx", base)
	if err != nil || base == "off" || admin.Ping() != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("PostgreSQL not reachable in CI: %v", err)
		}
		t.Skip("no PostgreSQL")
	}
	defer admin.Close()
	schema := fmt.Sprintf("two_jobs_%d", time.Now().UnixNano())
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatal(err)
	}
	defer admin.Exec("DROP SCHEMA " + schema + " CASCADE")
	dsn := base + "&search_path=" + schema
	seedMail(t, dsn)

	sink, addr := newSMTPSink(t)
	t.Setenv("MNR_SMTP_URL", "smtp://"+addr+"?from=mnr@example.org")
	t.Setenv("MNR_BASE_URL", "https://mnr.example.org")
	for i := 0; i < 2; i++ {
		_, stop, done := serveInProcess(t, "-db", dsn, "-mail-every", "1s", "-remind-every", "1s")
		defer func() { stop(); <-done }()
	}
	db := openPG(t, dsn)
	want := 0
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(500 * time.Millisecond) {
		db.QueryRow("SELECT count(*) FROM notifications").Scan(&want)
		if want >= 22 && len(sink.all()) >= want {
			break
		}
	}
	time.Sleep(3 * time.Second) // more rounds of both instances: nothing more may go out
	seen := map[string]int{}
	for _, m := range sink.all() {
		seen[m]++
	}
	var unsent int
	db.QueryRow("SELECT count(*) FROM notifications WHERE mailed_at IS NULL").Scan(&unsent)
	if got := len(sink.all()); got != want || len(seen) != want || unsent != 0 || want < 22 {
		t.Fatalf("%d notifications, %d mails, %d distinct, %d unsent", want, got, len(seen), unsent)
	}
	var reminders int
	db.QueryRow("SELECT count(*) FROM notifications WHERE kind = 'due_soon'").Scan(&reminders)
	if reminders != 2 {
		t.Errorf("%d due soon reminders, want one for each of the agency's two members", reminders)
	}
}

func openPG(t *testing.T, dsn string) *sql.DB {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// seedMail writes 20 notifications to 20 people, and a contribution due
// tomorrow from an agency with two members who answer it.
func seedMail(t *testing.T, dsn string) {
	ctx := context.Background()
	s, err := store.Open(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	sys := assessment.System
	user := func(i int) assessment.User {
		u, err := s.CreateUser(ctx, sys, assessment.User{Email: fmt.Sprintf("person%d@example.org", i), Name: fmt.Sprintf("Person %d", i), PasswordHash: "x"})
		if err != nil {
			t.Fatal(err)
		}
		return u
	}
	var ns []assessment.Notification
	for i := 0; i < 20; i++ {
		ns = append(ns, assessment.Notification{UserID: user(i).ID, Kind: "assigned", Message: fmt.Sprintf("Notice %d", i), Link: "/"})
	}
	if err := s.Notify(ctx, ns...); err != nil {
		t.Fatal(err)
	}
	fw, _ := framework.Default()
	nat, _ := s.CreateOrganisation(ctx, sys, assessment.Organisation{Name: "Council", Kind: assessment.KindCoordinating, Country: "XB"})
	agency, _ := s.CreateOrganisation(ctx, sys, assessment.Organisation{Name: "Police", Kind: assessment.KindLawEnforcement, Country: "XB"})
	for i, role := range []assessment.Role{assessment.RoleCoordinator, assessment.RoleContributor} {
		if _, err := s.AddMembership(ctx, sys, assessment.Membership{UserID: user(100 + i).ID, OrganisationID: agency.ID, Role: role}); err != nil {
			t.Fatal(err)
		}
	}
	in := assessment.AssessmentInput{OrganisationID: nat.ID, Title: "T", Period: "2026", Scope: []string{"leadership"}}
	a, _ := in.Validate(fw)
	if a, err = s.CreateAssessment(ctx, sys, fw, a); err != nil {
		t.Fatal(err)
	}
	due := assessment.Day(time.Now()).AddDate(0, 0, 1)
	if _, _, err := s.CreateContribution(ctx, sys, fw, assessment.Contribution{AssessmentID: a.ID, OrganisationID: agency.ID, Capabilities: []string{"leadership"}, DueDate: &due}, assessment.ContributionAskedNotices); err != nil {
		t.Fatal(err)
	}
}
