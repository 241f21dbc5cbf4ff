package web_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/i18n"
)

// scriptSave posts one fieldset as static/app.js does and decodes the JSON.
func (b *browser) scriptSave(path string, form url.Values) (int, map[string]any) {
	b.a.t.Helper()
	req, _ := http.NewRequest("POST", b.a.ts.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("X-CSRF-Token", b.csrf)
	res, err := b.http.Do(req)
	if err != nil {
		b.a.t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	var out map[string]any
	if err := json.Unmarshal(raw, &out); err != nil {
		b.a.t.Fatalf("%s: %d %s", path, res.StatusCode, raw)
	}
	return res.StatusCode, out
}

// noKeysOrVersions fails when a text people read names an internal key or
// a version number.
func noKeysOrVersions(t *testing.T, what, msg string) {
	t.Helper()
	if regexp.MustCompile(`leadership|[a-z]+-\d|(version|versión|النسخة) \d`).MatchString(msg) {
		t.Errorf("%s names a key or a version: %q", what, msg)
	}
}

// TestConflict409Bodies: a stale save that changed the same field as
// someone else is a 409 saying who, what and when, with the stored value
// and version in their own fields, in the API (English) and for the page's
// script (the page's language); changes to different fields merge.
func TestConflict409Bodies(t *testing.T) {
	f := newFixture(t)
	ownerTok, coordTok := f.token(f.owner), f.token(f.coordinator)
	path := fmt.Sprintf("/api/v1/assessments/%d/indicators/leadership-1", f.assess.ID)
	if r := f.api(ownerTok, "PUT", path, map[string]any{"answer": "no", "evidence": "Decree 9", "version": 0}); r.Status != 200 {
		t.Fatalf("owner's save: %d %s", r.Status, r.Raw)
	}
	// A different field, from the same old version: merged.
	r := f.api(coordTok, "PUT", path, map[string]any{"answer": "", "note": "Asked the ministry", "version": 0, "base": map[string]any{"note": ""}})
	if r.Status != 200 || r.str("answer") != "no" || r.str("evidence") != "Decree 9" || r.str("note") != "Asked the ministry" || r.Body["version"] != float64(2) {
		t.Fatalf("merge of different fields: %d %s", r.Status, r.Raw)
	}
	// The same field: 409.
	r = f.api(coordTok, "PUT", path, map[string]any{"answer": "yes", "evidence": "Decree 9", "version": 0, "base": map[string]any{"answer": ""}})
	if r.Status != http.StatusConflict {
		t.Fatalf("same field: %d %s", r.Status, r.Raw)
	}
	msg := r.str("error")
	if !strings.HasPrefix(msg, "coordinator changed indicator 1.1 (“A ministry, agency or named official is formally…”) on ") ||
		!strings.HasSuffix(msg, "after you opened it. Compare the stored answer with yours, then keep yours or use theirs.") {
		t.Errorf("API error = %q", msg)
	}
	noKeysOrVersions(t, "API error", msg)
	cur := r.Body["current"].(map[string]any)
	if cur["answer"] != "no" || cur["version"] != float64(2) || r.Body["current_version"] != float64(2) || r.str("changed_by") != "coordinator" ||
		r.str("changed_at") == "" || fmt.Sprint(r.Body["fields"]) != "[answer]" || r.str("code") != "conflict" {
		t.Errorf("409 body = %s", r.Raw)
	}
	// Keep mine: the same write with the stored version.
	r = f.api(coordTok, "PUT", path, map[string]any{"answer": "yes", "evidence": "Decree 9", "note": "Asked the ministry", "version": 2})
	if r.Status != 200 || r.str("answer") != "yes" || r.Body["version"] != float64(3) {
		t.Fatalf("keep mine: %d %s", r.Status, r.Raw)
	}

	// The page's script, in French, on the phase block: different fields
	// merge, the same field is a 409 in French with the same fields.
	b := f.login(f.coordinator.Email)
	b.switchLanguage("fr")
	page := fmt.Sprintf("/assessments/%d/capabilities/leadership", f.assess.ID)
	b.get(page)
	if r := f.api(ownerTok, "PUT", fmt.Sprintf("/api/v1/assessments/%d/capabilities/leadership", f.assess.ID), map[string]any{"target_phase": 3, "version": 0, "base": map[string]any{"target_phase": nil}}); r.Status != 200 {
		t.Fatalf("owner's target: %d %s", r.Status, r.Raw)
	}
	status, body := b.scriptSave(page, url.Values{"cap_version": {"0"}, "confirmed_phase": {""}, "justification": {""}, "target_phase": {""},
		"priority": {"high"}, "lead": {""}, "base.priority": {""}})
	if status != 200 || body["priority"] != "high" || body["target_phase"] != float64(3) || body["version"] != float64(2) || body["chosen_phase"] != nil {
		t.Fatalf("phase block merge: %d %v", status, body)
	}
	status, body = b.scriptSave(page, url.Values{"cap_version": {"0"}, "confirmed_phase": {""}, "justification": {""}, "target_phase": {"4"},
		"priority": {""}, "lead": {""}, "base.target_phase": {""}})
	if status != http.StatusConflict || fmt.Sprint(body["fields"]) != "[target_phase]" || body["current_version"] != float64(2) || body["changed_by"] != "coordinator" {
		t.Fatalf("phase block conflict: %d %v", status, body)
	}
	msg, _ = body["error"].(string)
	if !strings.HasPrefix(msg, "coordinator a modifié les phases de la capacité 1 (« ") || !strings.Contains(msg, " 2") {
		t.Errorf("page JSON error = %q", msg)
	}
	noKeysOrVersions(t, "page JSON error", msg)
	if cur := body["current"].(map[string]any); cur["target_phase"] != float64(3) || cur["priority"] != "high" {
		t.Errorf("current = %v", cur)
	}
}

// TestNoScriptConflictChoices: without JavaScript, a stale whole-form save
// shows who changed what, the stored value beside yours and both buttons,
// in every language and without keys or versions; "Keep mine" and "Use
// theirs" both work, and a change to another field is never a conflict.
func TestNoScriptConflictChoices(t *testing.T) {
	f := newFixture(t)
	ownerTok := f.token(f.owner)
	api := fmt.Sprintf("/api/v1/assessments/%d/indicators/", f.assess.ID)
	page := fmt.Sprintf("/assessments/%d/capabilities/leadership", f.assess.ID)
	stored := func(key string) map[string]any {
		return indicator(t, capability(t, f.api(ownerTok, "GET", fmt.Sprintf("/api/v1/assessments/%d", f.assess.ID), nil), "leadership"), key)
	}
	b := f.login(f.coordinator.Email)

	// Someone changed the evidence of 1.2; I answer 1.2: both kept.
	_, doc := b.get(page)
	f.api(ownerTok, "PUT", api+"leadership-2", map[string]any{"answer": "", "evidence": "Terms of reference 2026", "version": 0})
	form := formOf(doc, "form.capability-form")
	form.Set("answer.leadership-2", "partly")
	if res, _ := b.post(page, form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("different fields: %d", res.StatusCode)
	}
	if got := stored("leadership-2"); got["answer"] != "partly" || got["evidence"] != "Terms of reference 2026" {
		t.Errorf("different fields: stored %v", got)
	}

	conflict := func(lang string) (url.Values, string) {
		t.Helper()
		// Indicators 1.1, 1.3, 1.4 and 1.5, whatever their keys.
		key := f.fw.Capability("leadership").Indicators[map[string]int{"en": 0, "ar": 2, "fr": 3, "es": 4}[lang]].Key
		b.switchLanguage(lang)
		_, doc := b.get(page)
		cur := stored(key)
		f.api(ownerTok, "PUT", api+key, map[string]any{"answer": "no", "version": cur["version"]})
		form := formOf(doc, "form.capability-form")
		form.Set("answer."+key, "yes")
		form.Set("note."+key, "My note")
		res, doc := b.post(page, form)
		if res.StatusCode != http.StatusConflict {
			t.Fatalf("%s: stale form: %d", lang, res.StatusCode)
		}
		tr := i18n.Default().For(lang)
		box := doc.Find(fmt.Sprintf(`[data-conflict="%s"]`, key))
		msg := text(doc.Find("#" + key + " .field-error"))
		if !strings.HasPrefix(msg, map[string]string{"en": "owner changed indicator 1.1 (", "ar": "غيّر \u2068owner\u2069 المؤشر \u20681.3\u2069",
			"fr": "owner a modifié l'indicateur 1.4 (", "es": "owner modificó el indicador 1.5 ("}[lang]) {
			t.Errorf("%s: message = %q", lang, msg)
		}
		noKeysOrVersions(t, lang+" message", msg)
		want := tr.T("AutosaveStored") + " " + tr.T("Answer_no") + " " + tr.T("AutosaveYours") + " " + tr.T("Answer_yes")
		if got := text(box.Find(".conflict-field")); got != tr.T("CapAnswer")+" "+want {
			t.Errorf("%s: stored beside yours = %q, want %q", lang, got, tr.T("CapAnswer")+" "+want)
		}
		if text(box.Find(`button[name="keep"]`)) != tr.T("AutosaveKeepMine") || text(box.Find(`button[name="theirs"]`)) != tr.T("AutosaveUseTheirs") {
			t.Errorf("%s: buttons = %q", lang, text(box.Find("button")))
		}
		if got := doc.Find(fmt.Sprintf(`textarea[name="note.%s"]`, key)).Text(); got != "My note" {
			t.Errorf("%s: typed note lost: %q", lang, got)
		}
		if got := stored(key); got["answer"] != "no" {
			t.Errorf("%s: stored answer overwritten: %v", lang, got)
		}
		return formOf(doc, "form.capability-form"), key
	}
	for _, lang := range []string{"ar", "fr", "es"} {
		conflict(lang)
	}

	// Keep mine.
	form, key := conflict("en")
	form.Set("keep", key)
	if res, _ := b.post(page, form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("keep mine: %d", res.StatusCode)
	}
	if got := stored(key); got["answer"] != "yes" || got["note"] != "My note" {
		t.Errorf("keep mine: stored %v", got)
	}
	// Use theirs: the conflicting answer becomes theirs; my note (which
	// nobody else changed) is still saved.
	f.api(ownerTok, "PUT", api+key, map[string]any{"answer": "partly", "note": "", "version": stored(key)["version"]})
	form, key = conflict("en")
	form.Set("theirs", key)
	if res, _ := b.post(page, form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("use theirs: %d", res.StatusCode)
	}
	if got := stored(key); got["answer"] != "no" || got["note"] != "My note" {
		t.Errorf("use theirs: stored %v", got)
	}
}

// TestNoScriptPhaseConflict: the phase block without JavaScript; "Use
// theirs" takes the stored target and still saves the lead typed beside it.
func TestNoScriptPhaseConflict(t *testing.T) {
	f := newFixture(t)
	b := f.login(f.coordinator.Email)
	page := fmt.Sprintf("/assessments/%d/capabilities/leadership", f.assess.ID)
	_, doc := b.get(page)
	ownerTok := f.token(f.owner)
	if r := f.api(ownerTok, "PUT", fmt.Sprintf("/api/v1/assessments/%d/capabilities/leadership", f.assess.ID), map[string]any{"target_phase": 3, "version": 0}); r.Status != 200 {
		t.Fatalf("owner's target: %d %s", r.Status, r.Raw)
	}
	form := formOf(doc, "form.capability-form")
	form.Set("target_phase", "4")
	form.Set("lead", "Ministry of Social Affairs")
	res, doc := b.post(page, form)
	if res.StatusCode != http.StatusConflict {
		t.Fatalf("stale phases: %d", res.StatusCode)
	}
	msg := text(doc.Find("#judgement .field-error"))
	if !strings.HasPrefix(msg, "owner changed the phases of capability 1 (“") {
		t.Errorf("message = %q", msg)
	}
	noKeysOrVersions(t, "phase conflict", msg)
	if got := text(doc.Find(`[data-conflict="phases"] dl`)); got != "Target phase Stored now: 3 · Established Yours: 4 · Mature" {
		t.Errorf("stored beside yours = %q", got)
	}
	form = formOf(doc, "form.capability-form")
	form.Set("theirs", "phases")
	if res, _ := b.post(page, form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("use theirs: %d", res.StatusCode)
	}
	c := capability(t, f.api(ownerTok, "GET", fmt.Sprintf("/api/v1/assessments/%d", f.assess.ID), nil), "leadership")
	if c["target_phase"] != float64(3) || c["lead"] != "Ministry of Social Affairs" {
		t.Errorf("after use theirs: target %v, lead %v", c["target_phase"], c["lead"])
	}
}

// TestSignOutClearsTheBrowsersStorage: what the autosave script queued in
// the browser does not outlive the session, even if the script did not run.
func TestSignOutClearsTheBrowsersStorage(t *testing.T) {
	f := newFixture(t)
	b := f.login(f.coordinator.Email)
	res, _ := b.post("/logout", url.Values{})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Clear-Site-Data") != `"storage"` {
		t.Errorf("sign-out: %d, Clear-Site-Data %q", res.StatusCode, res.Header.Get("Clear-Site-Data"))
	}
	_, doc := f.login(f.coordinator.Email).get("/")
	if v, _ := doc.Find("body").Attr("data-user"); v != fmt.Sprint(f.coordinator.ID) {
		t.Errorf("body data-user = %q, want the signed-in user's id", v)
	}
}
