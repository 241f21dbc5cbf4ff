package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// site is a running server on a fresh demo database.
type site struct {
	bin, db, url string
	cmd          *exec.Cmd
	log          *bytes.Buffer
	logFile      string // when set, the server writes its output there instead of log
}

// mnr runs one command of the CLI against the site's database.
func (s *site) mnr(ctx context.Context, stdin string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, s.bin, append(args, "-db", s.db)...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("mnr %s: %w: %s", strings.Join(args, " "), err, errb.String())
	}
	return strings.TrimSpace(out.String()), nil
}

// newSite loads the demo into a database in dir.
func newSite(ctx context.Context, bin, dir string) (*site, error) {
	s := &site{bin: bin, db: filepath.Join(dir, "mnr.db")}
	if _, err := s.mnr(ctx, "", "demo"); err != nil {
		return nil, err
	}
	return s, nil
}

// addViewer adds a user with a language who views organisation org, and
// returns an API token for them.
func (s *site) addViewer(ctx context.Context, email, lang string, org int64) (string, error) {
	if _, err := s.mnr(ctx, "bench-measurement-passphrase\n", "user", "add", "-email", email, "-name", email, "-lang", lang); err != nil {
		return "", err
	}
	if _, err := s.mnr(ctx, "", "member", "add", "-email", email, "-org", fmt.Sprint(org), "-role", "viewer"); err != nil {
		return "", err
	}
	return s.token(ctx, email)
}

func (s *site) token(ctx context.Context, email string) (string, error) {
	return s.mnr(ctx, "", "token", "create", "-email", email, "-name", "bench")
}

// start runs "mnr serve" on a free loopback port and waits until it answers.
func (s *site) start(ctx context.Context) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	addr := ln.Addr().String()
	ln.Close()
	s.log = &bytes.Buffer{}
	s.cmd = exec.Command(s.bin, "serve", "-db", s.db, "-addr", addr)
	// Behind a "proxy" the load program gives each client its own address
	// (X-Forwarded-For), as many people would have, so the per-address API
	// limits measure what they would in use, not one loopback address.
	s.cmd.Env = append(os.Environ(), "MNR_TRUST_PROXY=1")
	s.cmd.Stdout, s.cmd.Stderr = s.log, s.log
	if s.logFile != "" {
		f, err := os.Create(s.logFile)
		if err != nil {
			return err
		}
		defer f.Close() // the child has its own descriptor
		s.cmd.Stdout, s.cmd.Stderr = f, f
	}
	s.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := s.cmd.Start(); err != nil {
		return err
	}
	s.url = "http://" + addr
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if res, err := http.Get(s.url + "/login"); err == nil {
			res.Body.Close()
			return nil
		}
	}
	return fmt.Errorf("server did not start: %s", s.log)
}

// stop ends the server with SIGTERM (as an operator would), then kills
// whatever of its process group is left.
func (s *site) stop() {
	if s.cmd == nil || s.cmd.Process == nil {
		return
	}
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { _ = s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
	}
	_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
}

// assessments lists the ids and organisations of what the token may see.
func (s *site) assessments(token string) ([][2]int64, error) {
	req, _ := http.NewRequest(http.MethodGet, s.url+"/api/v1/assessments", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	var body struct {
		Assessments []struct {
			ID  int64 `json:"id"`
			Org int64 `json:"organisation_id"`
		} `json:"assessments"`
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		return nil, fmt.Errorf("assessments: status %d: %w", res.StatusCode, err)
	}
	out := make([][2]int64, 0, len(body.Assessments))
	for _, a := range body.Assessments {
		out = append(out, [2]int64{a.ID, a.Org})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("the demo viewer sees no assessment")
	}
	return out, nil
}

// tempDir is a fresh directory for one scenario.
func tempDir() (string, func(), error) {
	dir, err := os.MkdirTemp("", "mnr-bench-pdf-")
	return dir, func() { os.RemoveAll(dir) }, err
}
