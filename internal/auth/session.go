package auth

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/gorilla/sessions"

	"github.com/mnr-self-assessment/mnr/internal/store"
)

// SessionName is the cookie name.
const SessionName = "mnr_session"

// Session value keys.
const (
	KeyUserID = "uid"
	KeyFlash  = "flash"
)

// SessionStore is a gorilla/sessions Store that keeps session data in the
// database and only a random id in the cookie. Deleting rows therefore
// revokes sessions at once (sign-out, "sign out everywhere", password
// change), and several app instances share sessions through the database.
// The database holds a hash of the id, so a copy of it cannot be replayed.
type SessionStore struct {
	DB       *store.Store
	Idle     time.Duration // idle timeout
	Absolute time.Duration // absolute lifetime
	Secure   func(r *http.Request) bool
	Now      func() time.Time
}

// Get returns the cached session for the request, per gorilla's contract.
func (s *SessionStore) Get(r *http.Request, name string) (*sessions.Session, error) {
	return sessions.GetRegistry(r).Get(s, name)
}

// New loads the session named by the cookie, or starts an empty one when the
// cookie is missing, unknown, idle too long or past its absolute lifetime.
func (s *SessionStore) New(r *http.Request, name string) (*sessions.Session, error) {
	sess := sessions.NewSession(s, name)
	sess.Options = s.options(r)
	sess.IsNew = true
	c, err := r.Cookie(name)
	if err != nil || c.Value == "" {
		return sess, nil
	}
	rec, ok, err := s.DB.Session(r.Context(), HashToken(c.Value))
	if err != nil {
		return sess, err
	}
	now := s.now()
	if !ok || now.Sub(rec.LastSeenAt) > s.Idle || now.Sub(rec.CreatedAt) > s.Absolute {
		if ok {
			_ = s.DB.DeleteSession(r.Context(), rec.ID)
		}
		sess.Values["expired"] = ok
		return sess, nil
	}
	if err := decodeValues(rec.Data, sess.Values); err != nil {
		return sess, nil
	}
	sess.ID = c.Value
	sess.IsNew = false
	sess.Values["_created"] = rec.CreatedAt.Unix()
	sess.Values["_seen"] = rec.LastSeenAt.Unix()
	return sess, nil
}

// Save writes the session row and sets the cookie; MaxAge < 0 deletes both.
func (s *SessionStore) Save(r *http.Request, w http.ResponseWriter, sess *sessions.Session) error {
	if sess.Options.MaxAge < 0 {
		if sess.ID != "" {
			if err := s.DB.DeleteSession(r.Context(), HashToken(sess.ID)); err != nil {
				return err
			}
		}
		http.SetCookie(w, sessions.NewCookie(sess.Name(), "", sess.Options))
		return nil
	}
	now := s.now()
	created := now
	if v, ok := sess.Values["_created"].(int64); ok && sess.ID != "" {
		created = time.Unix(v, 0).UTC()
	}
	fresh := sess.ID == ""
	if fresh {
		sess.ID = NewSecret(32)
	}
	data, err := encodeValues(sess.Values)
	if err != nil {
		return err
	}
	var uid int64
	if v, ok := sess.Values[KeyUserID].(int64); ok {
		uid = v
	}
	rec := store.SessionRecord{ID: HashToken(sess.ID), UserID: uid, Data: data, UserAgent: userAgent(r),
		IP: clientIP(r), CreatedAt: created, LastSeenAt: now, ExpiresAt: created.Add(s.Absolute)}
	if fresh {
		if err := s.DB.SaveSession(r.Context(), rec); err != nil {
			return err
		}
	} else if ok, err := s.DB.UpdateSession(r.Context(), rec); err != nil || !ok {
		// Ended meanwhile (sign-out everywhere, a new password): it stays
		// ended, and the browser keeps a cookie that no longer opens anything.
		return err
	}
	http.SetCookie(w, sessions.NewCookie(sess.Name(), sess.ID, sess.Options))
	return nil
}

// Touch records activity on a session without rewriting its cookie, at most
// once a minute, so the idle timeout measures real inactivity.
func (s *SessionStore) Touch(ctx context.Context, r *http.Request, sess *sessions.Session) error {
	seen, _ := sess.Values["_seen"].(int64)
	if sess.ID == "" || s.now().Sub(time.Unix(seen, 0)) < time.Minute {
		return nil
	}
	created, _ := sess.Values["_created"].(int64)
	data, err := encodeValues(sess.Values)
	if err != nil {
		return err
	}
	uid, _ := sess.Values[KeyUserID].(int64)
	c := time.Unix(created, 0).UTC()
	_, err = s.DB.UpdateSession(ctx, store.SessionRecord{ID: HashToken(sess.ID), UserID: uid, Data: data,
		UserAgent: userAgent(r), IP: clientIP(r), CreatedAt: c, LastSeenAt: s.now(), ExpiresAt: c.Add(s.Absolute)})
	return err
}

// Renew gives the session a fresh id (at sign-in, against session fixation)
// and deletes the old row.
func (s *SessionStore) Renew(r *http.Request, sess *sessions.Session) error {
	if sess.ID != "" {
		if err := s.DB.DeleteSession(r.Context(), HashToken(sess.ID)); err != nil {
			return err
		}
	}
	sess.ID = ""
	delete(sess.Values, "_created")
	delete(sess.Values, "_seen")
	delete(sess.Values, "expired")
	return nil
}

func (s *SessionStore) options(r *http.Request) *sessions.Options {
	return &sessions.Options{Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode,
		Secure: s.Secure != nil && s.Secure(r), MaxAge: int(s.Absolute.Seconds())}
}

func (s *SessionStore) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now().UTC()
}

// Values are stored as JSON with string keys; only strings, numbers and
// booleans are kept (numbers come back as int64 when whole).
func encodeValues(v map[any]any) (string, error) {
	m := map[string]any{}
	for k, val := range v {
		ks, ok := k.(string)
		if !ok || ks == "_created" || ks == "_seen" || ks == "expired" {
			continue
		}
		m[ks] = val
	}
	b, err := json.Marshal(m)
	if err != nil {
		return "", fmt.Errorf("encode session: %w", err)
	}
	return string(b), nil
}

func decodeValues(data string, into map[any]any) error {
	if data == "" {
		return nil
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(data), &m); err != nil {
		return err
	}
	for k, v := range m {
		if f, ok := v.(float64); ok && f == float64(int64(f)) {
			v = int64(f)
		}
		into[k] = v
	}
	return nil
}

// userAgent is the browser's description as shown in the session list:
// valid text (a header may carry any bytes, which PostgreSQL refuses), at
// most 300 characters, never cut inside a character.
func userAgent(r *http.Request) string {
	s := strings.ToValidUTF8(r.UserAgent(), "\uFFFD")
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, s)
	if n := []rune(s); len(n) > 300 {
		s = string(n[:300])
	}
	return s
}

// clientIP is the direct peer address; deployments behind a proxy configure
// Echo's IP extractor, and the web layer passes that in the actor instead.
func clientIP(r *http.Request) string {
	host := r.RemoteAddr
	for i := len(host) - 1; i >= 0; i-- {
		if host[i] == ':' {
			return host[:i]
		}
	}
	return host
}
