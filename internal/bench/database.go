package bench

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // PostgreSQL, to make and drop the run's schema
)

func isSQLite(dsn string) bool {
	return !strings.HasPrefix(dsn, "postgres://") && !strings.HasPrefix(dsn, "postgresql://")
}

// database is the run's fresh database: a SQLite file in dir, or a new
// schema in the PostgreSQL database named by url, dropped at the end.
func database(ctx context.Context, url, dir string) (dsn string, drop func(), err error) {
	if url == "" || isSQLite(url) {
		return filepath.Join(dir, "mnr.db"), func() {}, nil
	}
	admin, err := sql.Open("pgx", url)
	if err != nil {
		return "", nil, err
	}
	schema := fmt.Sprintf("mnr_bench_%d", time.Now().UnixNano())
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		admin.Close()
		return "", nil, fmt.Errorf("create schema: %w", err)
	}
	sep := "?"
	if strings.Contains(url, "?") {
		sep = "&"
	}
	return url + sep + "search_path=" + schema, func() {
		admin.Exec("DROP SCHEMA " + schema + " CASCADE")
		admin.Close()
	}, nil
}
