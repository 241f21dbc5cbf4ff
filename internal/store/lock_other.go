//go:build !unix

package store

import "errors"

// ErrInUse means another process has the SQLite database open.
var ErrInUse = errors.New("the database is in use")

// lockFile is not available on this system: opening never locks, and a
// restore refuses to run because it could not tell a running server.
func lockFile(path string, exclusive bool) (func() error, error) {
	if exclusive {
		return nil, errors.New("restore needs a Unix system, where it can tell whether a server is running")
	}
	return func() error { return nil }, nil
}

// LockExclusive takes the database's lock for a restore.
func LockExclusive(path string) (func() error, error) { return lockFile(path, true) }
