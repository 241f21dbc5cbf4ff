package web

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
	"github.com/mnr-self-assessment/mnr/internal/view"
)

// activityEvent is one audit event as the activity page shows it. Every
// field is plain text; the template escapes it. Addresses stay in the
// trail for security reviews but are not shown to colleagues.
type activityEvent struct {
	ID      int64
	At      time.Time
	Who     string
	Action  string
	Object  string
	Changes []change
}

// change is one field's value before and after; "" means it had none.
type change struct {
	Field, Before, After string
}

// objectLabel names what an event is about in tr's language: "indicator
// 1.2.3", "contribution 4 indicator 1.2.3". Each kind word is translated
// (ActivityObject_<kind>); an object of an unknown shape is shown as stored.
func objectLabel(tr *i18n.Translator, obj string) string {
	words := strings.Fields(obj)
	if len(words) == 0 || len(words)%2 != 0 {
		return obj
	}
	parts := make([]string, 0, len(words)/2)
	for i := 0; i < len(words); i += 2 {
		id := "ActivityObject_" + words[i]
		p := tr.T(id, "Ref", words[i+1])
		if p == id {
			return obj
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, " ")
}

// changeLabels puts the field names of a change, and the values that are
// codes with a name (roles, languages), in tr's language; other values are
// shown as recorded.
func changeLabels(tr *i18n.Translator, ch []change) []change {
	for i, c := range ch {
		if c.Field == "" {
			continue
		}
		switch c.Field {
		case "role":
			c.Before, c.After = roleValue(tr, c.Before), roleValue(tr, c.After)
		case "lang":
			c.Before, c.After = langValue(c.Before), langValue(c.After)
		}
		c.Field = view.TranslatedOr(tr, "ActivityField_"+c.Field, c.Field)
		ch[i] = c
	}
	return ch
}

func roleValue(tr *i18n.Translator, v string) string {
	if v == "" {
		return v
	}
	return view.RoleName(tr, assessment.Role(v))
}

func langValue(v string) string {
	if v == "" {
		return v
	}
	return view.LanguageName(v)
}

// describeEvents turns events into rows, naming the users they refer to.
func (s *Server) describeEvents(ctx context.Context, tr *i18n.Translator, events []assessment.AuditEvent) ([]activityEvent, error) {
	var ids []int64
	for _, e := range events {
		if id, ok := userObject(e.Object); ok && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	names := map[int64]string{}
	if len(ids) > 0 {
		users, err := s.db.Users(ctx, ids)
		if err != nil {
			return nil, err
		}
		for _, u := range users {
			names[u.ID] = view.PersonName(tr, u.Name) + " <" + u.Email + ">"
		}
	}
	out := make([]activityEvent, len(events))
	for i, e := range events {
		v := activityEvent{ID: e.ID, At: e.At, Who: view.PersonName(tr, e.Actor), Action: view.ActionLabel(tr, e.Action), Object: objectLabel(tr, e.Object),
			Changes: changeLabels(tr, diffJSON(e.Before, e.After))}
		if v.Who == "" {
			v.Who = tr.T("ActivityAnonymous")
		}
		if id, ok := userObject(e.Object); ok && names[id] != "" {
			v.Object = names[id]
		}
		out[i] = v
	}
	return out, nil
}

// activityUsers are the people the filter offers: the current members.
func (s *Server) activityUsers(ctx context.Context, orgID int64) ([]assessment.User, error) {
	ms, err := s.db.Members(ctx, orgID)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(ms))
	for i, m := range ms {
		ids[i] = m.UserID
	}
	return s.db.Users(ctx, ids)
}

func userObject(obj string) (int64, bool) {
	rest, ok := strings.CutPrefix(obj, "user ")
	if !ok {
		return 0, false
	}
	id, err := strconv.ParseInt(rest, 10, 64)
	return id, err == nil
}

// diffJSON lists the fields that differ between two JSON objects (all of
// them when one side is empty). Anything that is not an object is shown
// whole.
func diffJSON(before, after string) []change {
	b, okB := jsonObject(before)
	a, okA := jsonObject(after)
	if !okB || !okA {
		if before == after {
			return nil
		}
		return []change{{Before: before, After: after}}
	}
	keys := map[string]bool{}
	for k := range b {
		keys[k] = true
	}
	for k := range a {
		keys[k] = true
	}
	var out []change
	for _, k := range slices.Sorted(maps.Keys(keys)) {
		vb, va := jsonText(b[k]), jsonText(a[k])
		if vb != va {
			out = append(out, change{Field: k, Before: vb, After: va})
		}
	}
	return out
}

func jsonObject(s string) (map[string]any, bool) {
	if s == "" {
		return map[string]any{}, true
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		return nil, false
	}
	return m, true
}

func jsonText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}
