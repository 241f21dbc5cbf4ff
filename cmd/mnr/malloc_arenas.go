//go:build linux && cgo

package main

/*
#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

// Caps the C allocator's arenas (SQLite's caches, schemas and statements
// are allocated there) at two, as MALLOC_ARENA_MAX=2 would: glibc
// otherwise gives threads that meet at malloc an arena of their own, up to
// eight per core, each keeping what was freed in it, so megabytes stay
// resident for a process whose C side holds a few. It runs before the Go
// runtime starts its threads (an arena a thread already has stays its
// own); an operator's MALLOC_ARENA_MAX wins. Not glibc: nothing to do.
__attribute__((constructor)) static void mnr_limit_arenas(void) {
#if defined(__GLIBC__) && defined(M_ARENA_MAX)
	if (getenv("MALLOC_ARENA_MAX") == NULL) {
		mallopt(M_ARENA_MAX, 2);
	}
#endif
}
*/
import "C"
