package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// traces searches every column of every table, whatever its type, for
// each needle (case-insensitively), using the database's own catalogue:
// an erasure must leave none.
func traces(t *testing.T, s *store.Store, needles ...string) []string {
	t.Helper()
	db := s.RawDBForTest()
	var q string
	if s.Dialect() == "postgres" {
		q = `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()`
	} else {
		q = `SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table'`
	}
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	type col struct{ t, c string }
	var cols []col
	for rows.Next() {
		var c col
		rows.Scan(&c.t, &c.c)
		cols = append(cols, c)
	}
	rows.Close()
	if len(cols) < 50 {
		t.Fatalf("only %d columns found: is the catalogue query right?", len(cols))
	}
	var found []string
	for _, c := range cols {
		expr := fmt.Sprintf(`lower(CAST(%q AS TEXT))`, c.c)
		for _, n := range needles {
			var cnt int
			err := db.QueryRow(fmt.Sprintf(`SELECT count(*) FROM %q WHERE %s LIKE $1`, c.t, expr), "%"+strings.ToLower(n)+"%").Scan(&cnt)
			if err != nil && err != sql.ErrNoRows {
				t.Fatalf("%s.%s: %v", c.t, c.c, err)
			}
			if cnt > 0 {
				found = append(found, fmt.Sprintf("%s.%s holds %q %d times", c.t, c.c, n, cnt))
			}
		}
	}
	return found
}

// TestEraseUserLeavesNoTrace erases a person who answered, judged,
// commented, was invited, signed in (and failed to), held a token, a
// session and a reset link, and is named by others in evidence and
// notifications. Afterwards no column of any table holds their name or
// email, and the answers remain.
func TestEraseUserLeavesNoTrace(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			_, a := setup(t, s)
			const fullName, email = "Amira Haddad", "amira.haddad@example.org"
			x, err := s.CreateUser(ctx, assessment.System, assessment.User{Email: email, Name: fullName, PasswordHash: "x"})
			if err != nil {
				t.Fatal(err)
			}
			y, err := s.CreateUser(ctx, assessment.System, assessment.User{Email: "bashir@example.org", Name: "Bashir Saleh", PasswordHash: "x"})
			if err != nil {
				t.Fatal(err)
			}
			ax := assessment.Actor{UserID: x.ID, Name: fullName, IP: "198.51.100.7"}
			ay := assessment.Actor{UserID: y.ID, Name: "Bashir Saleh", IP: "198.51.100.8"}
			must := func(err error) {
				t.Helper()
				if err != nil {
					t.Fatal(err)
				}
			}
			_, err = s.CreateInvitation(ctx, ay, assessment.Invitation{OrganisationID: a.OrganisationID, Email: "Amira.Haddad@Example.org",
				Role: assessment.RoleViewer, Hash: "invitehash-x", ExpiresAt: time.Now().Add(time.Hour)})
			must(err)
			_, err = s.AddMembership(ctx, assessment.System, assessment.Membership{UserID: x.ID, OrganisationID: a.OrganisationID, Role: assessment.RoleOwner})
			must(err)
			_, err = s.AddMembership(ctx, assessment.System, assessment.Membership{UserID: y.ID, OrganisationID: a.OrganisationID, Role: assessment.RoleCoordinator})
			must(err)
			_, err = s.SaveAnswer(ctx, ax, assessment.Answer{AssessmentID: a.ID, IndicatorKey: "leadership-1", Value: assessment.Yes,
				Evidence: "Strategy reviewed by Amira Haddad (amira.haddad@example.org)."})
			must(err)
			_, err = s.SaveAnswer(ctx, ay, assessment.Answer{AssessmentID: a.ID, IndicatorKey: "leadership-2", Value: assessment.Partly,
				Evidence: "As AMIRA.HADDAD@EXAMPLE.ORG wrote, the plan (see Amira Haddad's note) is funded."})
			must(err)
			three := 3
			_, err = s.SaveCapability(ctx, ax, assessment.CapabilityState{AssessmentID: a.ID, CapabilityKey: "leadership", Confirmed: &three,
				Justification: "agreed with Amira Haddad", Lead: fullName})
			must(err)
			_, err = s.AddComment(ctx, ax, assessment.Comment{AssessmentID: a.ID, CapabilityKey: "leadership", UserID: x.ID, Kind: "comment", Body: "Signed, Amira Haddad"})
			must(err)
			_, err = s.CreateToken(ctx, ax, assessment.Token{UserID: x.ID, Name: "Amira Haddad's laptop", Hash: "tokenhash-x", ExpiresAt: time.Now().Add(time.Hour)})
			must(err)
			must(s.SaveSession(ctx, store.SessionRecord{ID: "session-x", UserID: x.ID, UserAgent: "Firefox", IP: "198.51.100.7",
				CreatedAt: time.Now(), LastSeenAt: time.Now(), ExpiresAt: time.Now().Add(time.Hour)}))
			_, err = s.CreatePasswordReset(ctx, ay, assessment.PasswordReset{UserID: x.ID, Hash: "resethash-x", ExpiresAt: time.Now().Add(time.Hour)})
			must(err)
			must(s.Notify(ctx, assessment.Notification{UserID: y.ID, Kind: assessment.NotifySubmitted, Message: "Amira Haddad submitted the leadership answers"},
				assessment.Notification{UserID: x.ID, Kind: assessment.NotifyAssigned, Message: "for Amira"}))
			must(s.AppendAudit(ctx, assessment.Actor{Name: email, IP: "203.0.113.9"}, assessment.AuditEvent{Action: "auth.signin_failed", Object: "email " + email}))
			must(s.SetUserProfile(ctx, ax, x.ID, fullName, "ar"))
			if len(traces(t, s, fullName, email)) == 0 {
				t.Fatal("the fixture left no trace to erase")
			}

			er, err := s.EraseUser(ctx, ay, x.ID)
			must(err)
			if er.Pseudonym != fmt.Sprintf("Former user %d", x.ID) || er.NameKept || er.Rows == 0 || len(er.Ownerless) != 1 {
				t.Fatalf("erasure = %+v", er)
			}
			if found := traces(t, s, fullName, email, "Haddad", "198.51.100.7"); len(found) > 0 {
				t.Fatalf("traces left:\n%s", strings.Join(found, "\n"))
			}

			// The answers and judgements remain, attributed to the pseudonym.
			_, _, states, answers, err := s.AssessmentContent(ctx, a.ID)
			must(err)
			byKey := map[string]assessment.Answer{}
			for _, an := range answers {
				byKey[an.IndicatorKey] = an
			}
			if an := byKey["leadership-1"]; an.Value != assessment.Yes || an.Version != 1 || an.Evidence != fmt.Sprintf("Strategy reviewed by %s (%s).", er.Pseudonym, er.Email) {
				t.Errorf("leadership-1 after erasure: %+v", an)
			}
			if an := byKey["leadership-2"]; an.Value != assessment.Partly || !strings.Contains(an.Evidence, er.Pseudonym+"'s note") {
				t.Errorf("leadership-2 after erasure: %+v", an)
			}
			for _, st := range states {
				if st.CapabilityKey == "leadership" && (st.Confirmed == nil || *st.Confirmed != 3 || st.Lead != er.Pseudonym) {
					t.Errorf("leadership judgement after erasure: %+v", st)
				}
			}
			if _, ok, _ := s.Session(ctx, "session-x"); ok {
				t.Error("the session survived")
			}
			if _, err := s.TokenByHash(ctx, "tokenhash-x"); err == nil {
				t.Error("the token still works")
			}
			u, err := s.User(ctx, x.ID)
			if err != nil || u.Name != er.Pseudonym || u.PasswordHash != "" || u.Admin {
				t.Errorf("account after erasure: %+v %v", u, err)
			}
			if ms, _ := s.Memberships(ctx, x.ID); len(ms) != 0 {
				t.Errorf("memberships left: %+v", ms)
			}
			events, _ := s.Audit(ctx, store.AuditFilter{ActionPrefix: "user.erase"})
			if len(events) != 1 || events[0].Actor != "Bashir Saleh" || events[0].Object != fmt.Sprintf("user %d", x.ID) {
				t.Errorf("erasure record: %+v", events)
			}
			if _, err := s.EraseUser(ctx, ay, x.ID); assessment.ErrorCode(err) != assessment.ECONFLICT {
				t.Errorf("second erasure: %v", err)
			}
			if err := s.TamperAuditForTest(ctx); err == nil {
				t.Error("the audit trail is no longer append-only after an erasure")
			}
		})
	}
}

// TestAuditUnlockIsNarrow: an unlock for erasure still refuses to change
// what an event was; one for pruning refuses events newer than its cutoff;
// and (PostgreSQL) an unlock cannot be committed.
func TestAuditUnlockIsNarrow(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			setup(t, s)
			up, del := s.TamperUnderUnlockForTest(ctx)
			if up == nil || !strings.Contains(up.Error(), "append-only") {
				t.Errorf("erase unlock let the action change: %v", up)
			}
			if del == nil || !strings.Contains(del.Error(), "append-only") {
				t.Errorf("prune unlock deleted recent events: %v", del)
			}
			if name == "postgres" {
				if err := s.LeaveUnlockForTest(ctx); err == nil {
					t.Error("an audit unlock was committed")
				}
			}
		})
	}
}

func TestPruneAudit(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			old := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
			s.SetClockForTest(func() time.Time { return old })
			setup(t, s) // events in 2020
			s.SetClockForTest(func() time.Time { return time.Now().UTC() })
			if err := s.AppendAudit(ctx, assessment.System, assessment.AuditEvent{Action: "auth.signin", Object: "recent"}); err != nil {
				t.Fatal(err)
			}
			if _, err := s.PruneAudit(ctx, assessment.System, time.Now().Add(time.Hour)); assessment.ErrorCode(err) != assessment.EINVALID {
				t.Errorf("a cutoff in the future: %v", err)
			}
			n, err := s.PruneAudit(ctx, assessment.System, time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC))
			if err != nil || n < 2 {
				t.Fatalf("pruned %d: %v", n, err)
			}
			events, _ := s.Audit(ctx, store.AuditFilter{})
			if len(events) != 2 || events[0].Action != "audit.prune" || events[1].Object != "recent" {
				t.Errorf("after pruning: %+v", events)
			}
		})
	}
}
