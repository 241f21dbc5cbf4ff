package store

import (
	"context"
	"sync"

	"gorm.io/gorm"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// headCache keeps the heads of assessments that answers are saved to, read
// at one generation of the principal counter, which moves with any change
// of an assessment's status, owner, framework version or scope (migrations
// 00015 and 00019): what a save's policy, lock rule and validation read.
type headCache struct {
	mu   sync.Mutex
	gen  int64
	byID map[int64]assessment.Assessment
}

func (c *headCache) get(gen, id int64) (assessment.Assessment, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	a, ok := c.byID[id]
	return a, ok && c.gen == gen
}

func (c *headCache) put(gen int64, a assessment.Assessment) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen < c.gen {
		return
	}
	if gen > c.gen || c.byID == nil || len(c.byID) >= principalCacheMax {
		c.gen, c.byID = gen, map[int64]assessment.Assessment{}
	}
	c.byID[a.ID] = a
}

// AssessmentForSave is Assessment for a save: one statement while the
// principal generation is the one the head was read at. Its status,
// owner, framework version and scope are current; its other fields
// (title, times) may be older, so pages read Assessment. The scope is
// shared: callers must not change it. The write itself re-checks the lock
// rule.
func (s *Store) AssessmentForSave(ctx context.Context, id int64) (assessment.Assessment, error) {
	gen, err := s.currentGeneration(ctx)
	if err != nil {
		return assessment.Assessment{}, err
	}
	if a, ok := s.heads.get(gen, id); ok {
		return a, nil
	}
	var a assessment.Assessment
	err = s.read(ctx).Transaction(func(tx *gorm.DB) (err error) {
		if gen, err = s.generation(tx); err != nil { // first: a later change moves it past what is kept
			return err
		}
		a, err = s.assessmentHead(tx, id)
		return err
	})
	if err != nil {
		return assessment.Assessment{}, err
	}
	s.heads.put(gen, a)
	return a, nil
}
