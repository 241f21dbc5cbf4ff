package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// Sixteen API savers, each on its own indicator of one assessment, save
// while the assessment is submitted and approved at a random moment, then
// reopened, trial after trial. Saves take a shared lock on the assessment
// (they no longer write its row each time), so this checks that the
// approval still excludes them: no save commits after an approval (the
// tripwire refuses it at commit, and the answers read right after the
// approval never change until the reopening), every save started after the
// approval returned is refused as locked, and no acknowledged save is
// lost: each indicator holds exactly the last save its writer was told
// succeeded, at the version counting its successes.
func TestRaceAPISavesVersusApprove(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			fw, a := setup(t, s)
			var keys []string
			for _, k := range []string{"leadership", "hotline"} {
				for _, in := range fw.Capability(k).Indicators {
					keys = append(keys, in.Key)
				}
			}
			const writers = 16
			if len(keys) < writers {
				t.Fatalf("only %d indicators", len(keys))
			}
			tripwire(t, s, name)
			by := assessment.Actor{Name: "reviewer"}
			last := make([]assessment.Answer, writers) // the last acknowledged save of each writer
			var landed, refused atomic.Int64
			for trial := 0; trial < 12; trial++ {
				if _, err := s.Transition(ctx, by, a.ID, assessment.ActionSubmit, "", nil); err != nil {
					t.Fatalf("trial %d submit: %v", trial, err)
				}
				var approved atomic.Bool
				var wg sync.WaitGroup
				errs := make([]error, writers)
				for w := 0; w < writers; w++ {
					wg.Add(1)
					go func(w int) {
						defer wg.Done()
						errs[w] = saveUntilLocked(s, a.ID, keys[w], trial, &last[w], &approved, &landed, &refused)
					}(w)
				}
				// The approval at a different moment each trial: after 0 to 3 saves per writer.
				for from, t0 := landed.Load(), time.Now(); landed.Load() < from+int64(trial%4*writers) && time.Since(t0) < 2*time.Second; {
					time.Sleep(100 * time.Microsecond)
				}
				if _, err := s.Transition(ctx, by, a.ID, assessment.ActionApprove, "", nil); err != nil {
					t.Fatalf("trial %d approve: %v", trial, err)
				}
				approved.Store(true)
				at := answerVersions(t, s, a.ID)
				wg.Wait()
				for w, err := range errs {
					if err != nil {
						t.Fatalf("trial %d writer %d: %v", trial, w, err)
					}
				}
				if after := answerVersions(t, s, a.ID); after != at {
					t.Fatalf("trial %d: changed while approved:\n%s\n%s", trial, at, after)
				}
				if _, err := s.Transition(ctx, by, a.ID, assessment.ActionReopen, "again", nil); err != nil {
					t.Fatalf("trial %d reopen: %v", trial, err)
				}
			}
			_, _, _, answers, err := s.AssessmentContent(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			stored := map[string]assessment.Answer{}
			for _, an := range answers {
				stored[an.IndicatorKey] = an
			}
			for w := 0; w < writers; w++ {
				got, want := stored[keys[w]], last[w]
				if got.Version != want.Version || got.Evidence != want.Evidence || got.Value != want.Value {
					t.Errorf("%s: stored v%d %q, last acknowledged v%d %q", keys[w], got.Version, got.Evidence, want.Version, want.Evidence)
				}
			}
			if landed.Load() == 0 || refused.Load() < 12*writers {
				t.Fatalf("%d saves landed, %d refused: the race did not happen", landed.Load(), refused.Load())
			}
			t.Logf("%d saves landed, %d refused as locked", landed.Load(), refused.Load())
		})
	}
}

// saveUntilLocked saves key again and again, each time on the version the
// last success returned, until a save is refused as locked. Each success
// must be exactly one version on (nothing else writes key); a save started
// after the approval returned must be refused; only "locked" may refuse.
func saveUntilLocked(s *store.Store, id int64, key string, trial int, last *assessment.Answer, approved *atomic.Bool, landed, refused *atomic.Int64) error {
	ctx := context.Background()
	for i := 0; ; i++ {
		after := approved.Load()
		text := fmt.Sprintf("%s t%d #%d", key, trial, i)
		saved, err := s.SaveAnswer(ctx, assessment.Actor{Name: "saver"}, assessment.Answer{AssessmentID: id, IndicatorKey: key,
			Value: assessment.Yes, Evidence: text, Version: last.Version})
		switch {
		case err == nil && after:
			return fmt.Errorf("save started after the approval landed (v%d)", saved.Version)
		case err == nil:
			if saved.Version != last.Version+1 || saved.Evidence != text {
				return fmt.Errorf("saved v%d %q on v%d", saved.Version, saved.Evidence, last.Version)
			}
			*last = saved
			landed.Add(1)
		case assessment.ErrorCode(err) == assessment.ECONFLICT:
			refused.Add(1)
			return nil
		default:
			return err
		}
	}
}

// On PostgreSQL, the lock itself: a save goes through beside another
// transaction holding the assessment's shared lock (an API save in
// flight), an approval waits for that transaction, and a save waits for an
// approval in flight and is then refused, leaving the answer as it was.
func TestSaveSharesTheAssessmentLock(t *testing.T) {
	pg := postgres(t)
	if pg == nil {
		t.Skip("no PostgreSQL")
	}
	if err := pg.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	_, a := setup(t, pg)
	now := time.Now().UTC()
	pg.SetClockForTest(func() time.Time { return now }) // within the touch's second throughout
	by := assessment.Actor{Name: "saver"}
	first, err := pg.SaveAnswer(ctx, by, assessment.Answer{AssessmentID: a.ID, IndicatorKey: "leadership-1", Value: assessment.Yes})
	if err != nil {
		t.Fatal(err)
	}
	inFlight := holdLock(t, pg, "SELECT id FROM assessments WHERE id = $1 FOR SHARE", a.ID)
	done := make(chan error, 1)
	go func() {
		_, err := pg.SaveAnswer(ctx, by, assessment.Answer{AssessmentID: a.ID, IndicatorKey: "leadership-2", Value: assessment.No})
		done <- err
	}()
	if err := within(t, done, 5*time.Second); err != nil {
		t.Fatalf("save beside a save in flight: %v", err)
	}
	waiting, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	if _, err := pg.Transition(waiting, by, a.ID, assessment.ActionSubmit, "", nil); err == nil {
		t.Fatal("submitted while a save holds the assessment")
	}
	inFlight.Rollback()
	if _, err := pg.Transition(ctx, by, a.ID, assessment.ActionSubmit, "", nil); err != nil {
		t.Fatal(err)
	}
	approving := holdLock(t, pg, "UPDATE assessments SET status = 'approved' WHERE id = $1", a.ID)
	go func() {
		_, err := pg.SaveAnswer(ctx, by, assessment.Answer{AssessmentID: a.ID, IndicatorKey: "leadership-1", Value: assessment.No, Version: first.Version})
		done <- err
	}()
	select {
	case err := <-done:
		t.Fatalf("save did not wait for the approval in flight: %v", err)
	case <-time.After(300 * time.Millisecond):
	}
	if err := approving.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := within(t, done, 5*time.Second); assessment.ErrorCode(err) != assessment.ECONFLICT {
		t.Fatalf("save after the approval: %v, want locked", err)
	}
	_, _, _, answers, err := pg.AssessmentContent(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, an := range answers {
		if an.IndicatorKey == "leadership-1" && (an.Version != first.Version || an.Value != assessment.Yes) {
			t.Fatalf("leadership-1 changed after the approval: %+v", an)
		}
	}
}

// answerVersions is every answer's version and evidence.
func answerVersions(t *testing.T, s *store.Store, id int64) string {
	t.Helper()
	_, _, _, answers, err := s.AssessmentContent(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	out := ""
	for _, an := range answers {
		out += fmt.Sprintf("%s:%d:%s ", an.IndicatorKey, an.Version, an.Evidence)
	}
	return out
}

// holdLock runs q in a transaction of its own and leaves it open.
func holdLock(t *testing.T, s *store.Store, q string, id int64) *sql.Tx {
	t.Helper()
	tx, err := s.RawDBForTest().BeginTx(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tx.Rollback() })
	if _, err := tx.Exec(q, id); err != nil {
		t.Fatal(err)
	}
	return tx
}

// within waits for done at most d.
func within(t *testing.T, done chan error, d time.Duration) error {
	t.Helper()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		t.Fatalf("still waiting after %v", d)
		return nil
	}
}

// A save moves the assessment's updated_at when it is a second old or
// more, so it is never older than the newest save by more than that.
func TestSaveTouchesAssessmentEachSecond(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			_, a := setup(t, s)
			base := time.Now().UTC().Truncate(time.Second).Add(time.Hour)
			version := 0
			for _, step := range []struct {
				after time.Duration
				want  time.Duration // updated_at after the save, from base
			}{{0, 0}, {500 * time.Millisecond, 0}, {999 * time.Millisecond, 0}, {1200 * time.Millisecond, 1200 * time.Millisecond}, {1300 * time.Millisecond, 1200 * time.Millisecond}} {
				s.SetClockForTest(func() time.Time { return base.Add(step.after) })
				saved, err := s.SaveAnswer(ctx, assessment.Actor{Name: "saver"}, assessment.Answer{AssessmentID: a.ID, IndicatorKey: "leadership-1",
					Value: assessment.Yes, Evidence: step.after.String(), Version: version})
				if err != nil {
					t.Fatal(err)
				}
				version = saved.Version
				got, err := s.Assessment(ctx, a.ID)
				if err != nil {
					t.Fatal(err)
				}
				if want := base.Add(step.want); !got.UpdatedAt.Equal(want) {
					t.Errorf("save at +%v: updated_at +%v, want +%v", step.after, got.UpdatedAt.Sub(base), step.want)
				}
			}
		})
	}
}
