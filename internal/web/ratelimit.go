package web

import (
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// limiter counts failures per key in a sliding window. In memory: a
// restart forgets, which is acceptable for slowing down guessing.
type limiter struct {
	mu     sync.Mutex
	max    int
	window time.Duration
	hits   map[string][]time.Time
	now    func() time.Time
}

func newLimiter(max int, window time.Duration) *limiter {
	return &limiter{max: max, window: window, hits: map[string][]time.Time{}, now: time.Now}
}

// blocked reports whether key is over the limit, and for how long.
func (l *limiter) blocked(key string) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	hs := l.prune(key)
	if len(hs) < l.max {
		return false, 0
	}
	return true, l.window - l.now().Sub(hs[0])
}

func (l *limiter) hit(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.hits[key] = append(l.prune(key), l.now())
}

func (l *limiter) prune(key string) []time.Time {
	cut := l.now().Add(-l.window)
	hs := l.hits[key]
	i := 0
	for i < len(hs) && hs[i].Before(cut) {
		i++
	}
	hs = hs[i:]
	if len(hs) == 0 {
		delete(l.hits, key)
	} else {
		l.hits[key] = hs
	}
	return hs
}

func tooMany(wait time.Duration) error {
	secs := int(wait.Seconds()) + 1
	return &rateError{err: assessment.Errorf(assessment.ETOOMANY,
		"Too many attempts. For your security, wait %d minutes before trying again.", (secs+59)/60), retryAfter: strconv.Itoa(secs)}
}

// checkLoginRate refuses sign-in attempts after repeated failures from one
// address or against one account.
func (s *Server) checkLoginRate(c echo.Context, email string) error {
	if b, wait := s.loginByIP.blocked(c.RealIP()); b {
		return tooMany(wait)
	}
	if b, wait := s.loginByAccount.blocked(strings.ToLower(email)); b {
		return tooMany(wait)
	}
	return nil
}

func (s *Server) recordLoginFailure(c echo.Context, email string) {
	s.loginByIP.hit(c.RealIP())
	s.loginByAccount.hit(strings.ToLower(email))
}

// rateRule limits one kind of request per client address and per account.
// Unlike the sign-in limiters it counts every attempt, not only failures:
// creating invitations, links and tokens is what it slows down.
type rateRule struct{ byIP, byAccount *limiter }

func newRule(ipMax, accountMax int, window time.Duration, now func() time.Time) rateRule {
	r := rateRule{byIP: newLimiter(ipMax, window), byAccount: newLimiter(accountMax, window)}
	r.byIP.now, r.byAccount.now = now, now
	return r
}

// allow answers 429 when the address or the account is over its limit, and
// otherwise counts this attempt against both.
func (r rateRule) allow(c echo.Context, account string) error {
	if err := r.check(c, account); err != nil {
		return err
	}
	r.hit(c, account)
	return nil
}

// check answers 429 when the address or the account is over its limit,
// without counting; with hit, it lets a page count only failed attempts.
func (r rateRule) check(c echo.Context, account string) error {
	if b, wait := r.byIP.blocked(c.RealIP()); b {
		return tooMany(wait)
	}
	if account != "" {
		if b, wait := r.byAccount.blocked(strings.ToLower(account)); b {
			return tooMany(wait)
		}
	}
	return nil
}

func (r rateRule) hit(c echo.Context, account string) {
	r.byIP.hit(c.RealIP())
	if account != "" {
		r.byAccount.hit(strings.ToLower(account))
	}
}
