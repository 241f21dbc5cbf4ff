package web

import (
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// rateRule is one limit: at most max hits per subject in each window.
type rateRule struct {
	name    string
	max     int
	window  time.Duration
	batched bool // counted in this process, written in batches (store.CountHitsBatched): per-request limits, not guessing
}

// rulePair limits one kind of request per client address and per account.
type rulePair struct{ address, account rateRule }

// rateHit is a rule applied to one subject.
type rateHit struct {
	rule    rateRule
	subject string
	peek    bool // looked at, not added to: refused if one more hit would be over
}

// of applies the rule to a subject: an address, an email (compared in
// lower case), or several joined (an account and an address).
func (r rateRule) of(subject ...string) rateHit {
	return rateHit{rule: r, subject: strings.ToLower(strings.Join(subject, "\x1f"))}
}

// peeked is the hit looked at only: the request is refused when a hit
// would put the counter over its limit, and nothing is added.
func (h rateHit) peeked() rateHit { h.peek = true; return h }

// counter names the database counter: the rule and a hash of the subject,
// so the table holds no addresses or emails.
func (h rateHit) counter() store.RateCounter {
	sum := sha256.Sum256([]byte(h.subject))
	return store.RateCounter{Name: h.rule.name + ":" + hex.EncodeToString(sum[:16]), Window: h.rule.window, Peek: h.peek}
}

// rateLimiter counts hits in the store, on the server's clock.
type rateLimiter struct {
	db        *store.Store
	now       func() time.Time
	lastSweep atomic.Int64 // Unix seconds of the last deletion of expired counters
}

// rateAttempt is an attempt already counted, to refund when it succeeds.
type rateAttempt struct {
	l    *rateLimiter
	c    echo.Context
	hits []rateHit
}

// count adds one hit to each subject's counter, in one statement, before
// the request does what the limit guards; 429 with Retry-After (the
// longest wait) when any counter is past its limit. A refused request
// costs nothing: its hits on counters still within their limits are
// refunded, so only what was let through counts.
func (l *rateLimiter) count(c echo.Context, hits ...rateHit) (*rateAttempt, error) {
	now := l.now()
	rules := make(map[string]rateHit, len(hits))
	var exact, inProcess []store.RateCounter
	room := l.db.RateBatchHasRoom() // past the bound, batched limits count in the database too
	for _, h := range hits {
		rc := h.counter()
		rules[rc.Name] = h
		if h.rule.batched && room {
			inProcess = append(inProcess, rc)
		} else {
			exact = append(exact, rc)
		}
	}
	got, err := l.countExact(c, now, exact)
	if err != nil {
		return nil, err
	}
	got = append(got, l.db.CountHitsBatched(now, inProcess...)...)
	l.sweep(c, now)
	var (
		wait    time.Duration
		within  []rateHit
		refused bool
	)
	for _, g := range got {
		h := rules[g.Name]
		switch {
		case h.peek && g.Hits+1 > h.rule.max, !h.peek && g.Hits > h.rule.max:
			wait, refused = max(wait, g.ResetAt.Sub(now)), true
		case !h.peek:
			within = append(within, h)
		}
	}
	if refused {
		l.refund(c, within)
		return nil, tooMany(wait)
	}
	return &rateAttempt{l: l, c: c, hits: hits}, nil
}

// countExact counts the hits on counters kept only in the database; when
// every one is only looked at, a reader reads them and nothing is written.
func (l *rateLimiter) countExact(c echo.Context, now time.Time, counters []store.RateCounter) ([]store.RateCount, error) {
	names := make([]string, 0, len(counters))
	for _, rc := range counters {
		if !rc.Peek {
			return l.db.CountHits(c.Request().Context(), now, counters...)
		}
		names = append(names, rc.Name)
	}
	return l.db.PeekHits(c.Request().Context(), now, names...)
}

// refund takes back the attempt's hits (all, or those given): what they
// guarded succeeded, and the limit counts failures.
func (a *rateAttempt) refund(only ...rateHit) {
	if len(only) == 0 {
		only = a.hits
	}
	a.l.refund(a.c, only)
}

// refund takes one hit back from each counter. A refund that fails only
// leaves a count on the strict side.
func (l *rateLimiter) refund(c echo.Context, hits []rateHit) {
	var names, inProcess []string
	for _, h := range hits {
		switch {
		case h.peek:
		case h.rule.batched:
			inProcess = append(inProcess, h.counter().Name)
		default:
			names = append(names, h.counter().Name)
		}
	}
	now := l.now()
	l.db.RefundHitsBatched(now, inProcess...)
	if err := l.db.RefundHits(c.Request().Context(), now, names...); err != nil {
		slog.Error("rate limit refund", "err", err)
	}
}

// sweep deletes expired counters, at most once per rateRuleSweep.
func (l *rateLimiter) sweep(c echo.Context, now time.Time) {
	last := l.lastSweep.Load()
	if now.Unix()-last < int64(rateRuleSweep.Seconds()) || !l.lastSweep.CompareAndSwap(last, now.Unix()) {
		return
	}
	if _, err := l.db.PruneRateCounters(c.Request().Context(), now); err != nil {
		slog.Error("prune rate counters", "err", err)
	}
}

// allow counts a request against the address and the account (when
// known), and answers 429 when either is past its limit.
func (s *Server) allow(c echo.Context, p rulePair, account string) error {
	hits := []rateHit{p.address.of(c.RealIP())}
	if account != "" {
		hits = append(hits, p.account.of(account))
	}
	_, err := s.rates.count(c, hits...)
	return err
}

// signInAttempt counts a sign-in (or current-password) attempt for the
// account from this address before the password is checked; refund it
// when the password is right.
func (s *Server) signInAttempt(c echo.Context, email string) (*rateAttempt, error) {
	ip := c.RealIP()
	return s.rates.count(c, limitSignInPair.of(strings.TrimSpace(email), ip), limitSignInAddress.of(ip))
}

func tooMany(wait time.Duration) error {
	secs := int(wait.Seconds()) + 1
	e := assessment.Errorf(assessment.ETOOMANY, "Too many attempts. For your security, wait a minute before trying again.")
	if secs > 60 {
		e = assessment.Errorf(assessment.ETOOMANY, "Too many attempts. For your security, wait %d minutes before trying again.", (secs+59)/60)
	}
	return &rateError{err: e, retryAfter: strconv.Itoa(secs)}
}
