//go:build !unix

package web

import "errors"

// freeSpace is not implemented here; /readyz then reports the disk check
// as not available instead of failing.
func freeSpace(string) (uint64, error) { return 0, errors.ErrUnsupported }
