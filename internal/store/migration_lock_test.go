package store_test

import (
	"context"
	"sync"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/store"
)

// TestConcurrentMigrationsOnPostgres: two instances starting together on
// an empty schema both migrate without error (goose's advisory lock makes
// the second wait and then find nothing to do).
func TestConcurrentMigrationsOnPostgres(t *testing.T) {
	a := postgres(t)
	if a == nil {
		t.Skip("PostgreSQL not available")
	}
	b, err := store.Open(a.DSNForTest())
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, s := range []*store.Store{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = s.Migrate(context.Background())
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("instance %d: %v", i, err)
		}
	}
	if cur, latest, err := a.SchemaVersions(context.Background()); err != nil || cur != latest {
		t.Errorf("schema %d of %d: %v", cur, latest, err)
	}
}
