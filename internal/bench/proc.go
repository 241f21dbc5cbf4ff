package bench

import (
	"bufio"
	"bytes"
	"os"
	"strconv"
	"strings"
	"time"
)

// tree is one sample of a process and everything below it.
type tree struct {
	rssKB    int64 // sum of VmRSS
	pssKB    int64 // sum of Pss: shared pages divided among their sharers
	procs    int   // processes, the root included
	chromium int   // processes named chrom*
	browsers int   // Chromium processes whose parent is not Chromium: one per browser
}

// sampleTree sums VmRSS over root and its descendants, read from /proc.
func sampleTree(root int) tree {
	parent := map[int]int{}
	comm := map[int]string{}
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		// pid (comm) state ppid …; comm may hold spaces and parentheses.
		open, close := bytes.IndexByte(b, '('), bytes.LastIndexByte(b, ')')
		if open < 0 || close < 0 {
			continue
		}
		f := strings.Fields(string(b[close+1:]))
		if len(f) < 2 {
			continue
		}
		ppid, _ := strconv.Atoi(f[1])
		parent[pid], comm[pid] = ppid, string(b[open+1:close])
	}
	var t tree
	for pid := range parent {
		if !below(pid, root, parent) {
			continue
		}
		t.procs++
		t.rssKB += field(pid, "status", "VmRSS:")
		t.pssKB += field(pid, "smaps_rollup", "Pss:")
		if strings.HasPrefix(comm[pid], "chrom") {
			t.chromium++
			if !strings.HasPrefix(comm[parent[pid]], "chrom") {
				t.browsers++
			}
		}
	}
	return t
}

// below reports whether pid is root or one of its descendants.
func below(pid, root int, parent map[int]int) bool {
	for i := 0; i < 64 && pid > 1; i++ {
		if pid == root {
			return true
		}
		pid = parent[pid]
	}
	return false
}

// field reads a "Name:   123 kB" line of a /proc file of pid.
func field(pid int, file, name string) int64 {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/" + file)
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), name); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb
		}
	}
	return 0
}

// peakKB is the server's high-water resident memory (VmHWM) so far.
func (s *site) peakKB() int64 { return field(s.cmd.Process.Pid, "status", "VmHWM:") }

// cpuTicks is the server's user and system CPU time so far, in clock
// ticks (USER_HZ, 100 a second on Linux).
func (s *site) cpuTicks() int64 { return cpuTicks(strconv.Itoa(s.cmd.Process.Pid)) }

// cpuTicks is a process's user and system CPU time so far ("self": the
// load program's own).
func cpuTicks(pid string) int64 {
	b, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	if len(f) < 13 {
		return 0
	}
	user, _ := strconv.ParseInt(f[11], 10, 64)
	sys, _ := strconv.ParseInt(f[12], 10, 64)
	return user + sys
}

// measured runs one row against the server and notes the server's CPU
// time per request: on a machine shared with the load program (and with
// whatever else runs), rates move with the neighbours, CPU per request
// much less.
func (s *site) measured(what string, clients int, ceiling float64, run func() stat) row {
	t0, c0 := s.cpuTicks(), cpuTicks("self")
	st := run()
	r := row{what: what, clients: clients, st: st, ceiling: ceiling, peakKB: s.peakKB()}
	r.cpuPerReq, r.clientCPU = perRequest(s.cpuTicks()-t0, st.n), perRequest(cpuTicks("self")-c0, st.n)
	return r
}

// perRequest spreads CPU ticks over n requests.
func perRequest(ticks int64, n int) time.Duration {
	if n == 0 {
		return 0
	}
	return time.Duration(ticks * int64(10*time.Millisecond) / int64(n))
}
