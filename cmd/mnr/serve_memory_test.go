package main

import "testing"

// The default memory limit grows with the cores, from 48 MiB on two.
func TestAutoMemoryLimit(t *testing.T) {
	for cores, want := range map[int]uint64{1: 48 << 20, 2: 48 << 20, 8: 96 << 20} {
		if got := autoMemoryLimit(cores); got != want {
			t.Errorf("%d cores: %d MiB, want %d MiB", cores, got>>20, want>>20)
		}
	}
}
