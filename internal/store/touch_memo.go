package store

import (
	"sync"
	"time"
)

// touchMemo remembers, by assessment, an updated_at this process knows the
// database holds (read under the shared lock, or written by a committed
// save), and whether one of its saves is touching it now, so that only one
// save at a time touches, about once every touchEvery. It only errs
// towards touching: an assessment it lacks or forgot is due.
type touchMemo struct {
	mu sync.Mutex
	by map[int64]touchState
}

type touchState struct {
	at      time.Time // an updated_at the database holds
	claimed bool      // a save of this process is touching it
	skipped bool      // another save went without touching meanwhile
}

// touchMemoMax bounds the assessments remembered; past it, all are
// forgotten at once (each then costs one more touch).
const touchMemoMax = 4096

// claim is whether a save at now should touch: the assessment is due and
// no other save of this process is touching it.
func (m *touchMemo) claim(id int64, now time.Time) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	st, ok := m.by[id]
	switch {
	case st.claimed:
		st.skipped = true
	case ok && now.Sub(st.at) < touchEvery:
		return false
	default:
		st = touchState{at: st.at, claimed: true}
	}
	m.put(id, st)
	return st.claimed && !st.skipped
}

// release ends a claim; touched says the save committed its touch at now.
// It returns whether other saves went without touching meanwhile.
func (m *touchMemo) release(id int64, now time.Time, touched bool) (skipped bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	st, ok := m.by[id]
	if !ok {
		return false // forgotten meanwhile
	}
	skipped = st.skipped
	st.claimed, st.skipped = false, false
	if touched && now.After(st.at) {
		st.at = now
	}
	m.put(id, st)
	return skipped
}

// saw records that the database holds updated_at at for id.
func (m *touchMemo) saw(id int64, at time.Time) {
	m.mu.Lock()
	defer m.mu.Unlock()
	st := m.by[id]
	if at.After(st.at) {
		st.at = at
		m.put(id, st)
	}
}

func (m *touchMemo) put(id int64, st touchState) {
	if _, ok := m.by[id]; !ok && len(m.by) >= touchMemoMax {
		m.by = nil
	}
	if m.by == nil {
		m.by = map[int64]touchState{}
	}
	m.by[id] = st
}
