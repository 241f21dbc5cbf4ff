package store

import (
	"context"
	"sync"
)

// On SQLite, asking the data version costs a few microseconds, less than
// any statement; while it is unchanged nothing was committed, so what a
// request read at that version it may use again without asking the
// database. The session row and the principal generation are read by
// every request: they are answered this way. (On PostgreSQL the version
// is itself a round trip, so these reads go to the database as before.)

// versionCacheMax bounds the session entries: past it the cache starts
// again empty.
const versionCacheMax = 10000

// versionCache keeps what was read at one data version.
type versionCache struct {
	mu       sync.Mutex
	version  string
	gen      int64 // the principal generation, when genRead
	genRead  bool
	sessions map[string]SessionRecord
}

// at empties the cache when the version moved on (or it is full); call
// with mu held.
func (c *versionCache) at(version string) {
	if c.version != version || c.sessions == nil || len(c.sessions) >= versionCacheMax {
		c.version, c.genRead, c.sessions = version, false, map[string]SessionRecord{}
	}
}

// currentVersion is the data version on SQLite, "" (no caching) elsewhere
// or when it cannot be read.
func (s *Store) currentVersion(ctx context.Context) string {
	if s.dialect != "sqlite" {
		return ""
	}
	v, err := s.DataVersion(ctx)
	if err != nil {
		return ""
	}
	return v
}

// versionMemo is the data version a read-only request read first.
type versionMemo struct {
	once    sync.Once
	version string
	err     error
}

type versionMemoKey struct{}

// WithVersionMemo marks ctx as a request that writes nothing it reads
// again (a GET): the data version is read once, at its first use, and
// every later use in the request takes that one. Reading it earlier than
// the data keeps what a cache holds never older than its version says.
func WithVersionMemo(ctx context.Context) context.Context {
	return context.WithValue(ctx, versionMemoKey{}, &versionMemo{})
}

// principalGeneration reads the principal generation counter, or takes
// the one read at the current data version.
func (s *Store) principalGeneration(ctx context.Context) (int64, error) {
	v := s.currentVersion(ctx)
	if v != "" {
		s.versions.mu.Lock()
		s.versions.at(v)
		gen, ok := s.versions.gen, s.versions.genRead
		s.versions.mu.Unlock()
		if ok {
			return gen, nil
		}
	}
	gen, err := s.currentGeneration(ctx)
	if err != nil || v == "" {
		return gen, err
	}
	s.versions.mu.Lock()
	if s.versions.version == v {
		s.versions.gen, s.versions.genRead = gen, true
	}
	s.versions.mu.Unlock()
	return gen, nil
}

// cachedSession is a session row read at the current data version.
func (s *Store) cachedSession(version, id string) (SessionRecord, bool) {
	s.versions.mu.Lock()
	defer s.versions.mu.Unlock()
	s.versions.at(version)
	rec, ok := s.versions.sessions[id]
	return rec, ok
}

// keepSession remembers a session row read at version (read after it).
func (s *Store) keepSession(version, id string, rec SessionRecord) {
	s.versions.mu.Lock()
	defer s.versions.mu.Unlock()
	if s.versions.version == version {
		s.versions.sessions[id] = rec
	}
}
