//go:build unix

package store

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// ErrInUse means another process has the SQLite database open (a running
// server or command), or a restore holds it.
var ErrInUse = errors.New("the database is in use")

// lockFile takes an advisory lock on path+".lock": shared for everyone who
// opens the database (serve, every command), exclusive for restore. The
// kernel drops the lock when the process dies, so no stale lock survives a
// crash, and the test is reliable where "is a server listening?" is not.
func lockFile(path string, exclusive bool) (release func() error, err error) {
	f, err := os.OpenFile(path+".lock", os.O_RDWR|os.O_CREATE, 0o640)
	if err != nil {
		return nil, fmt.Errorf("lock file: %w", err)
	}
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	if err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, ErrInUse
		}
		return nil, fmt.Errorf("lock %s.lock: %w", path, err)
	}
	return func() error {
		defer f.Close()
		return syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	}, nil
}

// LockExclusive takes the database's lock for a restore: it fails with
// ErrInUse while any process has the database open through Open.
func LockExclusive(path string) (release func() error, err error) { return lockFile(path, true) }
