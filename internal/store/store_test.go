package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// backends returns a fresh SQLite store and, when PostgreSQL answers at
// MNR_TEST_POSTGRES (default: the local test database), a fresh schema there.
func backends(t testing.TB) map[string]*store.Store {
	out := map[string]*store.Store{}
	lite, err := store.Open(filepath.Join(t.TempDir(), "mnr.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lite.Close() })
	out["sqlite"] = lite
	if pg := postgres(t); pg != nil {
		out["postgres"] = pg
	}
	for name, s := range out {
		if err := s.Migrate(context.Background()); err != nil {
			t.Fatalf("%s migrate: %v", name, err)
		}
	}
	return out
}

func postgres(t testing.TB) *store.Store {
	base := os.Getenv("MNR_TEST_POSTGRES")
	if base == "" {
		base = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
	}
	if base == "off" {
		return nil
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		return nil
	}
	defer admin.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := admin.PingContext(ctx); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("PostgreSQL not reachable in CI: %v", err)
		}
		t.Logf("PostgreSQL tests skipped: %v", err)
		return nil
	}
	schema := fmt.Sprintf("t_%s_%d", strings.ToLower(strings.ReplaceAll(t.Name(), "/", "_")), time.Now().UnixNano())
	if _, err := admin.Exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if db, err := sql.Open("pgx", base); err == nil {
			db.Exec("DROP SCHEMA " + schema + " CASCADE")
			db.Close()
		}
	})
	s, err := store.Open(base + "&search_path=" + schema)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func setup(t *testing.T, s *store.Store) (*framework.Framework, assessment.Assessment) {
	ctx := context.Background()
	fw, _ := framework.Default()
	o, err := s.CreateOrganisation(ctx, assessment.System, assessment.Organisation{Name: "Org", Kind: assessment.KindNGO, Country: "JO"})
	if err != nil {
		t.Fatal(err)
	}
	in := assessment.AssessmentInput{OrganisationID: o.ID, Title: "T", Period: "2026", Scope: []string{"leadership", "hotline"}}
	a, _ := in.Validate(fw)
	a, err = s.CreateAssessment(ctx, assessment.System, fw, a)
	if err != nil {
		t.Fatal(err)
	}
	return fw, a
}

func TestAssessmentLifecycle(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			fw, a := setup(t, s)
			org, got, states, answers, err := s.AssessmentContent(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			want := len(fw.Capability("leadership").Indicators) + len(fw.Capability("hotline").Indicators)
			if org.Name != "Org" || len(states) != 2 || len(answers) != want || len(got.Scope) != 2 {
				t.Fatalf("content: %d states, %d answers", len(states), len(answers))
			}
			by := assessment.Actor{UserID: 0, Name: "tester"}
			saved, err := s.SaveAnswer(ctx, by, assessment.Answer{AssessmentID: a.ID, IndicatorKey: "leadership-1", Value: assessment.Yes, Evidence: "doc", Links: []string{"https://a.example", "https://b.example"}})
			if err != nil || saved.Version != 1 || len(saved.Links) != 2 {
				t.Fatalf("save: %v %+v", err, saved)
			}
			_, err = s.SaveAnswer(ctx, by, assessment.Answer{AssessmentID: a.ID, IndicatorKey: "leadership-1", Value: assessment.No})
			if de, ok := assessment.AsError(err); !ok || de.Code != assessment.ECONFLICT || de.Current.(assessment.Answer).Value != assessment.Yes {
				t.Fatalf("stale save: %v", err)
			}
			// A failing answer in a batch rolls back the whole batch.
			_, _, err = s.SaveCapabilityForm(ctx, by, []assessment.Answer{
				{AssessmentID: a.ID, IndicatorKey: "leadership-2", Value: assessment.Yes},
				{AssessmentID: a.ID, IndicatorKey: "leadership-1", Value: assessment.No, Version: 0},
			}, nil)
			if assessment.ErrorCode(err) != assessment.ECONFLICT {
				t.Fatalf("batch: %v", err)
			}
			_, _, _, answers, _ = s.AssessmentContent(ctx, a.ID)
			for _, an := range answers {
				if an.IndicatorKey == "leadership-2" && an.Value != assessment.Unanswered {
					t.Fatal("half of a failed batch was saved")
				}
			}
			three := 3
			st, err := s.SaveCapability(ctx, by, assessment.CapabilityState{AssessmentID: a.ID, CapabilityKey: "leadership", Confirmed: &three, Justification: "why", Priority: assessment.PriorityHigh})
			if err != nil || st.Version != 1 || *st.Confirmed != 3 {
				t.Fatalf("capability: %v %+v", err, st)
			}
			if err := s.SetStatus(ctx, by, a.ID, assessment.StatusApproved); err != nil {
				t.Fatal(err)
			}
			_, err = s.SaveAnswer(ctx, by, assessment.Answer{AssessmentID: a.ID, IndicatorKey: "leadership-1", Value: assessment.No, Version: 1})
			if assessment.ErrorCode(err) != assessment.ECONFLICT || !strings.Contains(err.Error(), "locked") {
				t.Fatalf("write to approved: %v", err)
			}
			events, err := s.Audit(ctx, store.AuditFilter{AssessmentID: a.ID})
			if err != nil {
				t.Fatal(err)
			}
			actions := map[string]int{}
			for _, e := range events {
				actions[e.Action]++
			}
			if actions["answer.save"] != 1 || actions["capability.save"] != 1 || actions["assessment.status"] != 1 || actions["assessment.create"] != 1 {
				t.Errorf("audit actions = %v", actions)
			}
			for _, e := range events {
				if e.Action == "answer.save" && (!strings.Contains(e.Before, `"answer":""`) || !strings.Contains(e.After, `"answer":"yes"`)) {
					t.Errorf("audit before/after = %s → %s", e.Before, e.After)
				}
			}
		})
	}
}

func TestAuditIsAppendOnly(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			setup(t, s)
			if err := s.TamperAuditForTest(context.Background()); err == nil || !strings.Contains(err.Error(), "append-only") {
				t.Fatalf("audit row was changed: %v", err)
			}
		})
	}
}

// TestConcurrentWritersNeverLoseAnAnswer hammers one indicator from many
// goroutines: every write either lands with the next version or is a 409.
func TestConcurrentWritersNeverLoseAnAnswer(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			_, a := setup(t, s)
			ctx := context.Background()
			var wg sync.WaitGroup
			var mu sync.Mutex
			ok, conflicts := 0, 0
			for i := 0; i < 20; i++ {
				wg.Add(1)
				go func(i int) {
					defer wg.Done()
					for v := 0; v < 10; v++ {
						_, err := s.SaveAnswer(ctx, assessment.System, assessment.Answer{AssessmentID: a.ID, IndicatorKey: "hotline-1", Value: assessment.Yes, Note: fmt.Sprint(i), Version: v})
						mu.Lock()
						switch assessment.ErrorCode(err) {
						case "":
							ok++
						case assessment.ECONFLICT:
							conflicts++
						default:
							t.Errorf("unexpected error: %v", err)
						}
						mu.Unlock()
					}
				}(i)
			}
			wg.Wait()
			_, _, _, answers, _ := s.AssessmentContent(ctx, a.ID)
			for _, an := range answers {
				if an.IndicatorKey == "hotline-1" && an.Version != ok {
					t.Errorf("version %d after %d successful writes", an.Version, ok)
				}
			}
			if ok != 10 || ok+conflicts != 200 {
				t.Errorf("ok=%d conflicts=%d", ok, conflicts)
			}
		})
	}
}

// TestStaleSavesMergeFieldByField: saves made on the same old version land
// when they change different fields, and exactly one wins per field, on
// both backends (on PostgreSQL the row lock makes later writers merge with
// what the earlier ones wrote).
func TestStaleSavesMergeFieldByField(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			_, a := setup(t, s)
			ctx := context.Background()
			var wg sync.WaitGroup
			var mu sync.Mutex
			won := map[string]int{}
			for i := 0; i < 12; i++ {
				wg.Add(1)
				go func(i int) {
					defer wg.Done()
					ans := assessment.Answer{AssessmentID: a.ID, IndicatorKey: "hotline-1", Version: 0, Base: assessment.Fields{}}
					field := "evidence"
					if i%2 == 0 {
						ans.Evidence, ans.Base["evidence"] = fmt.Sprint("evidence ", i), ""
					} else {
						field = "note"
						ans.Note, ans.Base["note"] = fmt.Sprint("note ", i), ""
					}
					_, err := s.SaveAnswer(ctx, assessment.Actor{Name: fmt.Sprint("writer ", i)}, ans)
					mu.Lock()
					defer mu.Unlock()
					switch de, _ := assessment.AsError(err); {
					case err == nil:
						won[field]++
					case de != nil && de.Code == assessment.ECONFLICT:
						if len(de.Fields) != 1 || de.Fields[0] != field {
							t.Errorf("conflict on %v, want on %s", de.Fields, field)
						}
					default:
						t.Errorf("writer %d: %v", i, err)
					}
				}(i)
			}
			wg.Wait()
			if won["evidence"] != 1 || won["note"] != 1 {
				t.Errorf("winners per field = %v, want one each", won)
			}
			_, _, _, answers, _ := s.AssessmentContent(ctx, a.ID)
			for _, an := range answers {
				if an.IndicatorKey == "hotline-1" && (an.Evidence == "" || an.Note == "" || an.Version != 2) {
					t.Errorf("stored %+v: both fields must be kept, version 2", an)
				}
			}
			// The judgement: target by one, priority by the other, both on version 0.
			three := 3
			by := assessment.Actor{Name: "a"}
			if _, err := s.SaveCapability(ctx, by, assessment.CapabilityState{AssessmentID: a.ID, CapabilityKey: "hotline", Target: &three, Base: assessment.Fields{"target_phase": ""}}); err != nil {
				t.Fatal(err)
			}
			st, err := s.SaveCapability(ctx, by, assessment.CapabilityState{AssessmentID: a.ID, CapabilityKey: "hotline", Priority: assessment.PriorityHigh, Base: assessment.Fields{"priority": ""}})
			if err != nil || st.Target == nil || *st.Target != 3 || st.Priority != assessment.PriorityHigh || st.Version != 2 {
				t.Fatalf("merged judgement: %v %+v", err, st)
			}
			_, err = s.SaveCapability(ctx, by, assessment.CapabilityState{AssessmentID: a.ID, CapabilityKey: "hotline", Priority: assessment.PriorityLow, Version: 1, Base: assessment.Fields{"priority": ""}})
			if de, ok := assessment.AsError(err); !ok || de.Code != assessment.ECONFLICT || len(de.Fields) != 1 || de.Fields[0] != "priority" {
				t.Fatalf("same field changed on both sides: %v", err)
			}
		})
	}
}
