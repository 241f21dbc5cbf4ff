package store_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// tripwire makes the database itself refuse, when the writing transaction
// commits, a change to an answer, judgement or agency answer of an approved
// assessment: on PostgreSQL a deferred trigger that reads the status at
// commit (so a save that read "not approved" before an approval committed
// fails); SQLite runs one writer at a time, so a plain trigger sees the
// same.
func tripwire(t *testing.T, s *store.Store, dialect string) {
	t.Helper()
	stmts := []string{}
	status := map[string]string{
		"answers":              "(SELECT status FROM assessments WHERE id = NEW.assessment_id)",
		"capability_states":    "(SELECT status FROM assessments WHERE id = NEW.assessment_id)",
		"contribution_answers": "(SELECT a.status FROM assessments a JOIN contributions c ON c.assessment_id = a.id WHERE c.id = NEW.contribution_id)",
	}
	for table, st := range status {
		if dialect == "postgres" {
			stmts = append(stmts, `CREATE FUNCTION tripwire_`+table+`() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN
				IF `+st+` = 'approved' THEN RAISE EXCEPTION 'committed after approval'; END IF; RETURN NULL; END $f$`,
				`CREATE CONSTRAINT TRIGGER tripwire AFTER UPDATE ON `+table+` DEFERRABLE INITIALLY DEFERRED
				FOR EACH ROW EXECUTE FUNCTION tripwire_`+table+`()`)
			continue
		}
		stmts = append(stmts, `CREATE TRIGGER tripwire_`+table+` BEFORE UPDATE ON `+table+` WHEN `+st+` = 'approved'
			BEGIN SELECT RAISE(ABORT, 'written after approval'); END`)
	}
	for _, q := range stmts {
		if err := s.ExecForTest(context.Background(), q); err != nil {
			t.Fatal(err)
		}
	}
}

// Eight writers save answers, a judgement and an agency's answers while the
// assessment goes submit → approve → reopen in a loop. Between an approval
// and the next reopening nothing may change: before the lock, 48 saves
// landed after approval on PostgreSQL (the status was read without a lock).
func TestRaceSavesVersusApproval(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			fw, a := setup(t, s)
			agency := newOrg(t, s, "Agency")
			c, _, err := s.CreateContribution(ctx, assessment.System, fw, assessment.Contribution{AssessmentID: a.ID, OrganisationID: agency.ID, Capabilities: []string{"hotline"}}, assessment.ContributionAskedNotices)
			if err != nil {
				t.Fatal(err)
			}
			var keys []string
			for _, k := range []string{"leadership", "hotline"} {
				for _, in := range fw.Capability(k).Indicators {
					keys = append(keys, in.Key)
				}
			}
			tripwire(t, s, name)
			var stop atomic.Bool
			var saved, refused, bad atomic.Int64
			var first atomic.Value
			var wg sync.WaitGroup
			for w := 0; w < 8; w++ {
				wg.Add(1)
				go func(w int) {
					defer wg.Done()
					err := saveLoop(s, w, a.ID, c.ID, keys, &stop, &saved, &refused)
					if err != nil {
						bad.Add(1)
						first.CompareAndSwap(nil, err.Error())
					}
				}(w)
			}
			by := assessment.Actor{Name: "reviewer"}
			for trial := 0; trial < approvals; trial++ {
				for _, act := range []assessment.Action{assessment.ActionSubmit, assessment.ActionApprove} {
					if _, err := s.Transition(ctx, by, a.ID, act, "", assessment.TransitionNotices); err != nil {
						t.Fatalf("trial %d %s: %v", trial, act, err)
					}
				}
				before := snapshot(t, s, a.ID, c.ID)
				time.Sleep(raceWait) // the writers keep trying
				if after := snapshot(t, s, a.ID, c.ID); after != before {
					t.Fatalf("trial %d: changed while approved:\n%s\n%s", trial, before, after)
				}
				if _, err := s.Transition(ctx, by, a.ID, assessment.ActionReopen, "again", assessment.TransitionNotices); err != nil {
					t.Fatalf("trial %d reopen: %v", trial, err)
				}
				time.Sleep(raceWait)
			}
			stop.Store(true)
			wg.Wait()
			if saved.Load() == 0 || refused.Load() == 0 {
				t.Fatalf("%d saves, %d refused: the race did not happen", saved.Load(), refused.Load())
			}
			if n := bad.Load(); n > 0 {
				t.Fatalf("%d saves failed otherwise than as locked, first: %v", n, first.Load())
			}
			t.Logf("%d saves landed, %d refused as locked", saved.Load(), refused.Load())
		})
	}
}

// saveLoop is one writer until stop: writer 0 saves the leadership
// judgement with the indicators no other writer takes (keys[8:]) in one
// form, writer 1 the agency's answers to hotline, the others one national
// answer each. The multi-row writes keep a transaction open long enough for
// an approval to land inside it. Only "locked" (409) may refuse a save.
func saveLoop(s *store.Store, w int, assessmentID, contributionID int64, keys []string, stop *atomic.Bool, saved, refused *atomic.Int64) error {
	ctx := context.Background()
	by := assessment.Actor{Name: fmt.Sprintf("writer %d", w)}
	versions := map[string]int{}
	answers := func(text string, keys ...string) []assessment.Answer {
		out := make([]assessment.Answer, len(keys))
		for i, k := range keys {
			out[i] = assessment.Answer{AssessmentID: assessmentID, IndicatorKey: k, Value: assessment.Yes, Evidence: text, Version: versions[k]}
		}
		return out
	}
	var hotline []string
	for _, k := range keys {
		if strings.HasPrefix(k, "hotline-") {
			hotline = append(hotline, k)
		}
	}
	for i := 0; !stop.Load(); i++ {
		text := fmt.Sprintf("w%d-%d", w, i)
		var out []assessment.Answer
		var err error
		switch w {
		case 0:
			var st *assessment.CapabilityState
			out, st, err = s.SaveCapabilityForm(ctx, by, answers(text, keys[8:]...),
				&assessment.CapabilityState{AssessmentID: assessmentID, CapabilityKey: "leadership", Justification: text, Version: versions["leadership"]})
			if st != nil {
				versions["leadership"] = st.Version
			}
		case 1:
			out, err = s.SaveContributionAnswers(ctx, by, contributionID, answers(text, hotline...))
		default:
			var one assessment.Answer
			one, err = s.SaveAnswer(ctx, by, answers(text, keys[w])[0])
			out = []assessment.Answer{one}
		}
		switch {
		case err == nil:
			saved.Add(1)
			for _, a := range out {
				versions[a.IndicatorKey] = a.Version
			}
		case assessment.ErrorCode(err) == assessment.ECONFLICT:
			refused.Add(1)
		default:
			return fmt.Errorf("writer %d: %w", w, err)
		}
	}
	return nil
}

// snapshot is every answer's, judgement's and agency answer's version.
func snapshot(t *testing.T, s *store.Store, assessmentID, contributionID int64) string {
	t.Helper()
	ctx := context.Background()
	_, _, states, answers, err := s.AssessmentContent(ctx, assessmentID)
	if err != nil {
		t.Fatal(err)
	}
	_, _, _, agency, err := s.ContributionContent(ctx, contributionID)
	if err != nil {
		t.Fatal(err)
	}
	out := ""
	for _, st := range states {
		out += fmt.Sprintf("%s:%d ", st.CapabilityKey, st.Version)
	}
	for _, set := range [][]assessment.Answer{answers, agency} {
		for _, an := range set {
			out += fmt.Sprintf("%s:%d ", an.IndicatorKey, an.Version)
		}
	}
	return out
}

var raceWait = time.Millisecond

const approvals = 30
