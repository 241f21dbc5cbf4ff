package bench

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"

	"github.com/klauspost/compress/gzip"
	"github.com/labstack/echo/v4"
	_ "github.com/mattn/go-sqlite3" // the driver the app's SQLite store uses
)

// sqliteUpsert is the database ceiling: one connection upserting one row
// per transaction into a WAL database, with the given synchronous level
// (the app's default FULL, or NORMAL), as fast as it goes.
func sqliteUpsert(dir, sync string, lim limits) (stat, error) {
	path := filepath.Join(dir, "ceiling-"+strings.ToLower(sync)+".db")
	db, err := sql.Open("sqlite3", "file:"+path+"?_journal_mode=WAL&_synchronous="+sync+"&_busy_timeout=5000")
	if err != nil {
		return stat{}, fmt.Errorf("open ceiling database: %w", err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(`CREATE TABLE answers (k INTEGER PRIMARY KEY, v TEXT NOT NULL, version INTEGER NOT NULL)`); err != nil {
		return stat{}, fmt.Errorf("create ceiling table: %w", err)
	}
	var failed error
	st := loop(1, lim, func(int) int {
		_, err := db.Exec(`INSERT INTO answers (k, v, version) VALUES (?, 'yes', 1)
			ON CONFLICT (k) DO UPDATE SET v = excluded.v, version = answers.version + 1`, 7)
		if err != nil {
			failed = err
			return 0
		}
		return http.StatusOK
	})
	return st, failed
}

// echoConstant is the HTTP ceiling: Echo answering a constant 5 KB page
// on loopback, driven by the same clients as the app.
func echoConstant(clients int, lim limits) (stat, error) {
	page := strings.Repeat("<p>MNR self-assessment constant page.</p>\n", 5*1024/42+1)[:5*1024]
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.GET("/", func(c echo.Context) error { return c.HTML(http.StatusOK, page) })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return stat{}, err
	}
	srv := &http.Server{Handler: e}
	go srv.Serve(ln)
	defer srv.Shutdown(context.Background())
	url := "http://" + ln.Addr().String() + "/"
	return loop(clients, lim, func(int) int { return get(url, nil) }), nil
}

// get fetches url with the given headers and reads the whole body,
// asking for gzip as browsers do and inflating every byte of it. The
// inflater is reused (Go's client makes a new one, with its tables, for
// each response), so the load program's own work on the shared cores is
// what a browser would do, not the allocation of decompressors.
func get(url string, h http.Header) int {
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	for k, v := range h {
		req.Header[k] = v
	}
	req.Header.Set("Accept-Encoding", "gzip")
	res, err := client.Do(req)
	if err != nil {
		return 0
	}
	defer res.Body.Close()
	if res.Header.Get("Content-Encoding") != "gzip" {
		io.Copy(io.Discard, res.Body)
		return res.StatusCode
	}
	zr, _ := inflaters.Get().(*gzip.Reader)
	if zr == nil {
		zr = new(gzip.Reader)
	}
	defer inflaters.Put(zr)
	if zr.Reset(res.Body) != nil {
		return 0
	}
	if _, err := io.Copy(io.Discard, zr); err != nil {
		return 0 // a body that does not inflate is an error
	}
	return res.StatusCode
}

var inflaters sync.Pool
