package bench

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
)

// saver is one API client saving answers to its own indicator, keeping
// the version each answer returns so it never conflicts with itself.
type saver struct {
	base       string
	pool       *pool
	tokens     []string
	addrs      []string
	assessment int64
	keys       []string
	versions   []int
	turns      []int
}

// newSaver reads the stored versions first, so no save starts stale.
func newSaver(base string, tokens *pool, id int64, keys []string, clients int) (*saver, error) {
	s := &saver{base: base, pool: tokens, assessment: id, keys: keys, versions: make([]int, clients), turns: make([]int, clients)}
	for c := 0; c < clients; c++ {
		s.tokens, s.addrs = append(s.tokens, tokens.take()), append(s.addrs, nextAddr())
	}
	req, _ := http.NewRequest(http.MethodGet, fmt.Sprintf("%s/api/v1/assessments/%d", base, id), nil)
	req.Header = bearer(s.tokens[0], s.addrs[0])
	res, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	var a struct {
		Capabilities []struct {
			Indicators []struct {
				Key     string `json:"key"`
				Version int    `json:"version"`
			} `json:"indicators"`
		} `json:"capabilities"`
	}
	if err := json.NewDecoder(res.Body).Decode(&a); err != nil {
		return nil, fmt.Errorf("read the assessment: status %d: %w", res.StatusCode, err)
	}
	stored := map[string]int{}
	for _, c := range a.Capabilities {
		for _, in := range c.Indicators {
			stored[in.Key] = in.Version
		}
	}
	for c := range s.versions {
		s.versions[c] = stored[keys[c%len(keys)]]
	}
	return s, nil
}

// save sends client c's next answer and returns the status.
func (s *saver) save(c int) int {
	s.turns[c]++
	if s.turns[c]%writesPerToken == 0 {
		s.tokens[c], s.addrs[c] = s.pool.take(), nextAddr()
	}
	value := []string{"yes", "no"}[s.turns[c]%2]
	body, _ := json.Marshal(map[string]any{"answer": value, "evidence": fmt.Sprintf("bench client %d, save %d", c, s.turns[c]), "version": s.versions[c]})
	url := fmt.Sprintf("%s/api/v1/assessments/%d/indicators/%s", s.base, s.assessment, s.keys[c%len(s.keys)])
	req, _ := http.NewRequest(http.MethodPut, url, bytes.NewReader(body))
	req.Header = bearer(s.tokens[c], s.addrs[c])
	req.Header.Set("Content-Type", "application/json")
	res, err := client.Do(req)
	if err != nil {
		return 0
	}
	defer res.Body.Close()
	var out struct {
		Version int `json:"version"`
	}
	if json.NewDecoder(res.Body).Decode(&out) == nil && res.StatusCode == http.StatusOK {
		s.versions[c] = out.Version
	}
	return res.StatusCode
}

// writesPerToken and readsPerToken stay under the API's per-token limits
// in a minute (600 writes, 1,200 reads).
const (
	writesPerToken = 500
	readsPerToken  = 1000
)

// bearer is an API client's headers: its token, and its own address.
func bearer(token, addr string) http.Header {
	return http.Header{"Authorization": {"Bearer " + token}, "X-Forwarded-For": {addr}}
}

var addrs atomic.Int64

// nextAddr is a client address never used before in this run.
func nextAddr() string {
	n := addrs.Add(1)
	return fmt.Sprintf("10.%d.%d.%d", (n>>16)&255, (n>>8)&255, n&255)
}

// SignIn signs in through the HTML form and returns the Cookie header that
// carries the session (the load program's, and the in-process benchmarks').
func SignIn(base, email, password string) (http.Header, error) {
	res, err := client.Get(base + "/login")
	if err != nil {
		return nil, err
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	var csrf *http.Cookie
	for _, c := range res.Cookies() {
		if c.Name == "mnr_csrf" {
			csrf = c
		}
	}
	if csrf == nil {
		return nil, fmt.Errorf("sign-in page set no CSRF cookie")
	}
	form := url.Values{"_csrf": {csrf.Value}, "email": {email}, "password": {password}}
	req, _ := http.NewRequest(http.MethodPost, base+"/login", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(csrf)
	if res, err = client.Do(req); err != nil {
		return nil, err
	}
	res.Body.Close()
	cookies := []string{csrf.Name + "=" + csrf.Value}
	for _, c := range res.Cookies() {
		cookies = append(cookies, c.Name+"="+c.Value)
	}
	if res.StatusCode != http.StatusSeeOther || len(cookies) < 2 {
		return nil, fmt.Errorf("sign-in as %s: status %d", email, res.StatusCode)
	}
	return http.Header{"Cookie": {strings.Join(cookies, "; ")}}, nil
}
