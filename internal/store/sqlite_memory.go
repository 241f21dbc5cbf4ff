package store

import "runtime"

// SQLite's memory is outside Go's heap and its limit: each connection
// keeps its own page cache (2 MB by default), its parsed schema and its
// prepared statements. These bounds keep it to a few megabytes in all.
// The database file is read, not memory-mapped (mmap_size stays at
// SQLite's default of 0), so its pages count in the resident size only
// while they are in a cache.
const (
	// writerCacheKiB is the writer's page cache: SQLite's default. The one
	// writer reuses the pages of the tables and indexes it updates.
	writerCacheKiB = 2000
	// readerCacheKiB is each reader's page cache. In WAL mode a reader's
	// cache is dropped whenever a write has happened since its last
	// transaction, so with saves going on a larger one mostly holds pages
	// nobody reads again; the operating system's file cache holds the file.
	readerCacheKiB = 1024
)

// sqliteReaders is the readers' pool: two per core (at least four) keeps
// the cores busy while one reader waits on the disk; more would only
// queue on the same cores, each with its cache, schema and statements.
// They stay open: a new connection parses the schema and prepares its
// statements again.
func sqliteReaders() int { return max(4, 2*runtime.GOMAXPROCS(0)) }
