package store

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"gorm.io/gorm"
)

// groupMax bounds a group: how many writes share one commit.
const groupMax = 128

var errStoreClosed = errors.New("store closed")

// groupCommit runs small, frequent writes (answer saves, rate counters) of
// many requests in shared SQLite transactions: at synchronous=FULL every
// commit waits for the disk, and SQLite has one writer, so a group of
// writes committed together costs one wait instead of one each. Each
// write runs inside its own SAVEPOINT, with its checks: a write that fails
// is rolled back alone and the others commit. A caller gets its result only
// once the group has committed. PostgreSQL commits concurrently and never
// uses it.
type groupCommit struct {
	db      *gorm.DB // the writer
	queue   chan *groupJob
	start   sync.Once
	quit    chan struct{}
	stopped chan struct{}
	stop    sync.Once
}

type groupJob struct {
	ctx  context.Context
	fn   func(tx *gorm.DB) error
	done chan error
}

func newGroupCommit(db *gorm.DB) *groupCommit {
	return &groupCommit{db: db, queue: make(chan *groupJob, 4*groupMax), quit: make(chan struct{}), stopped: make(chan struct{})}
}

// groupTx is tx for a write that may share its commit (see groupCommit).
func (s *Store) groupTx(ctx context.Context, fn func(tx *gorm.DB) error) error {
	if s.group == nil {
		return s.tx(ctx, fn)
	}
	return constraintError(s.group.run(ctx, fn))
}

// run queues fn and waits for its group's outcome. A caller whose context
// ends while queued is answered at once; once its write has started it
// waits for the commit, so an error always means nothing was written.
func (g *groupCommit) run(ctx context.Context, fn func(tx *gorm.DB) error) error {
	g.start.Do(func() { go g.loop() })
	j := &groupJob{ctx: ctx, fn: fn, done: make(chan error, 1)}
	select {
	case g.queue <- j:
	case <-ctx.Done():
		return ctx.Err()
	case <-g.quit:
		return errStoreClosed
	}
	select {
	case err := <-j.done:
		return err
	case <-g.stopped:
		select {
		case err := <-j.done:
			return err
		default:
			return errStoreClosed // queued after the last group
		}
	}
}

// loop takes whatever is queued, up to groupMax, as one group: no waiting
// for more, so a lone write commits at once and writes pile up only while
// the previous group commits.
func (g *groupCommit) loop() {
	defer close(g.stopped)
	for {
		select {
		case <-g.quit:
			g.drain()
			return
		case j := <-g.queue:
			group := []*groupJob{j}
		more:
			for len(group) < groupMax {
				select {
				case j := <-g.queue:
					group = append(group, j)
				default:
					break more
				}
			}
			g.commit(group)
		}
	}
}

// drain answers what is still queued at close.
func (g *groupCommit) drain() {
	for {
		select {
		case j := <-g.queue:
			j.done <- errStoreClosed
		default:
			return
		}
	}
}

// close stops the loop after the group in progress.
func (g *groupCommit) close() {
	g.stop.Do(func() {
		close(g.quit)
		g.start.Do(func() { close(g.stopped) }) // never started
		<-g.stopped
	})
}

// commit runs the group in one transaction, each write in its savepoint,
// and answers every caller after the commit.
func (g *groupCommit) commit(group []*groupJob) {
	if len(group) == 1 { // alone: a plain transaction, no savepoint
		j := group[0]
		j.done <- protect(func(*gorm.DB) error { return g.db.WithContext(j.ctx).Transaction(j.fn) }, nil)
		return
	}
	errs := make([]error, len(group))
	err := g.db.Transaction(func(tx *gorm.DB) error {
		conn := tx.Statement.ConnPool // the transaction itself: savepoints are not statements of the writes
		exec := func(q string) error { _, err := conn.ExecContext(context.Background(), q); return err }
		for i, j := range group {
			if errs[i] = j.ctx.Err(); errs[i] != nil {
				continue // gave up while queued: not started
			}
			if err := exec("SAVEPOINT g"); err != nil {
				return fmt.Errorf("savepoint: %w", err)
			}
			// Never interrupted mid-group: SQLite may roll back the whole
			// transaction on an interrupt, the other writes with it.
			errs[i] = protect(j.fn, tx.WithContext(context.WithoutCancel(j.ctx)))
			if errs[i] != nil {
				if err := exec("ROLLBACK TO g"); err != nil {
					return fmt.Errorf("rollback to savepoint: %w", err)
				}
			}
			if err := exec("RELEASE g"); err != nil {
				return fmt.Errorf("release savepoint: %w", err)
			}
		}
		return nil
	})
	for i, j := range group {
		if err != nil {
			errs[i] = fmt.Errorf("group commit: %w", err) // nothing of the group was written
		}
		j.done <- errs[i]
	}
}

// protect runs fn, turning a panic into an error so one write cannot take
// the writer down with it.
func protect(fn func(tx *gorm.DB) error, tx *gorm.DB) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("write panicked: %v", r)
		}
	}()
	return fn(tx)
}
