package web_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
)

// answerWith answers every indicator of a capability or enabler by API.
func (f *fixture) answerWith(tok string, id int64, key string, value func(in *framework.Indicator) string) {
	f.t.Helper()
	for _, in := range f.fw.Assessable(key).Indicators {
		body := map[string]any{"answer": value(in), "version": 0}
		if body["answer"] == "na" {
			body["note"] = "The federal states hold this power, not the national government."
		}
		if w := f.api(tok, "PUT", fmt.Sprintf("/api/v1/assessments/%d/indicators/%s", id, in.Key), body); w.Status != 200 {
			f.t.Fatalf("answer %s: %d %s", in.Key, w.Status, w.Raw)
		}
	}
}

func enabler(t *testing.T, r apiResult, key string) map[string]any {
	t.Helper()
	for _, c := range r.Body["enablers"].([]any) {
		if m := c.(map[string]any); m["key"] == key {
			return m
		}
	}
	t.Fatalf("enabler %s not in response", key)
	return nil
}

func keysOf(v any) []string {
	var out []string
	for _, k := range v.([]any) {
		out = append(out, k.(string))
	}
	return out
}

// TestRuleTableThroughTheRouter: each case of the phase rule, answered by
// API on the current framework (2026.2), read back with its flags.
func TestRuleTableThroughTheRouter(t *testing.T) {
	f := newFixture(t)
	if f.fw.Version != "2026.2" {
		t.Fatalf("new assessments start on %s, want 2026.2", f.fw.Version)
	}
	tok := f.token(f.coordinator)
	id := f.assess.ID
	half := func(key string) map[string]bool { // the first half and one of the indicators
		out := map[string]bool{}
		ins := f.fw.Assessable(key).Indicators
		for i := 0; i <= len(ins)/2; i++ {
			out[ins[i].Key] = true
		}
		return out
	}
	mostlyNA := half("legislation")
	cases := []struct {
		name, key string
		value     func(in *framework.Indicator) string
		suggested float64
		assessed  bool
		reason    string
		above     int
		gaps      int
	}{
		{"all yes", "leadership", func(*framework.Indicator) string { return "yes" }, 4, true, "", 0, 0},
		{"partly at phase 1", "research-analysis", func(in *framework.Indicator) string {
			return map[int]string{1: "partly", 2: "yes", 3: "no", 4: "no"}[in.Phase]
		}, 1, true, "", len(f.fw.Capability("research-analysis").IndicatorsByPhase(2)), 0}, // phase 2 met above a Partly: jagged
		{"not applicable throughout", "hotline", func(*framework.Indicator) string { return "na" }, 0, false, "mostly-not-applicable", 0, 0},
		{"more than half not applicable", "legislation", func(in *framework.Indicator) string {
			if mostlyNA[in.Key] {
				return "na"
			}
			return "yes"
		}, -1, false, "mostly-not-applicable", -1, 0},
		{"jagged", "law-enforcement", func(in *framework.Indicator) string {
			if in.Phase == 1 {
				return "no"
			}
			return "yes"
		}, 0, true, "", len(f.fw.Capability("law-enforcement").Indicators) - len(f.fw.Capability("law-enforcement").IndicatorsByPhase(1)), 0},
		{"don't know", "child-helpline", func(in *framework.Indicator) string {
			if in.Phase == 2 {
				return "unknown"
			}
			return "yes"
		}, 1, true, "", len(f.fw.Capability("child-helpline").IndicatorsByPhase(3)) + len(f.fw.Capability("child-helpline").IndicatorsByPhase(4)),
			len(f.fw.Capability("child-helpline").IndicatorsByPhase(2))},
		{"enabler partly at phase 1", "collaboration", func(in *framework.Indicator) string {
			return map[int]string{1: "partly", 2: "no", 3: "no", 4: "no"}[in.Phase]
		}, 1, true, "", 0, 0},
	}
	for _, tc := range cases {
		f.answerWith(tok, id, tc.key, tc.value)
	}
	r := f.api(tok, "GET", fmt.Sprintf("/api/v1/assessments/%d", id), nil)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var c map[string]any
			if f.fw.Enabler(tc.key) != nil {
				c = enabler(t, r, tc.key)
			} else {
				c = capability(t, r, tc.key)
			}
			if tc.suggested >= 0 && c["suggested_phase"].(float64) != tc.suggested {
				t.Errorf("suggested %v, want %v", c["suggested_phase"], tc.suggested)
			}
			if c["assessed"] != tc.assessed || (c["not_assessed_reason"] == nil) != (tc.reason == "") {
				t.Errorf("assessed %v reason %v, want %v %q", c["assessed"], c["not_assessed_reason"], tc.assessed, tc.reason)
			}
			if !tc.assessed && c["confirmed_phase"] != nil {
				t.Errorf("confirmed %v while not assessed", c["confirmed_phase"])
			}
			if got := len(keysOf(c["above_suggested"])); tc.above >= 0 && got != tc.above {
				t.Errorf("%d indicators above the suggestion, want %d", got, tc.above)
			}
			if got := len(keysOf(c["data_gaps"])); got != tc.gaps {
				t.Errorf("%d data gaps, want %d", got, tc.gaps)
			}
		})
	}
	// The enablers stay out of the assessment's completion.
	total := 0
	for _, c := range f.fw.Capabilities() {
		total += len(c.Indicators)
	}
	answered := 0
	for _, tc := range cases {
		if f.fw.Capability(tc.key) != nil {
			answered += len(f.fw.Capability(tc.key).Indicators)
		}
	}
	if got, want := r.Body["completion"].(float64), float64(answered)/float64(total); got != want {
		t.Errorf("completion %v, want %v (capabilities only)", got, want)
	}
}

// TestNotApplicableNeedsItsReason: 422 naming note in the API; in HTML the
// page comes back with the message beside the note field, described by it,
// and nothing saved.
func TestNotApplicableNeedsItsReason(t *testing.T) {
	f := newFixture(t)
	tok := f.token(f.coordinator)
	w := f.api(tok, "PUT", fmt.Sprintf("/api/v1/assessments/%d/indicators/collaboration-1", f.assess.ID), map[string]any{"answer": "na", "note": " ", "version": 0})
	if w.Status != http.StatusUnprocessableEntity || w.str("field") != "note" {
		t.Fatalf("N/A without reason: %d %s", w.Status, w.Raw)
	}
	b := f.login(f.coordinator.Email)
	for _, key := range []string{"leadership", "collaboration"} {
		page := fmt.Sprintf("/assessments/%d/capabilities/%s", f.assess.ID, key)
		_, doc := b.get(page)
		ind := f.fw.Assessable(key).Indicators[0].Key
		form := formOf(doc, "form.capability-form")
		form.Set("answer."+ind, "na")
		res, doc := b.post(page, form)
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("%s: status %d", key, res.StatusCode)
		}
		note := doc.Find(fmt.Sprintf(`textarea[name="note.%s"]`, ind))
		described, _ := note.Attr("aria-describedby")
		invalid, _ := note.Attr("aria-invalid")
		msg := text(doc.Find("#" + described))
		if invalid != "true" || described == "" || !strings.Contains(msg, "Not applicable answer needs a reason") {
			t.Errorf("%s: note field invalid=%q describedby=%q message %q", key, invalid, described, msg)
		}
		if v, _ := doc.Find(fmt.Sprintf(`input[name="answer.%s"][checked]`, ind)).Attr("value"); v != "na" {
			t.Errorf("%s: the chosen answer was lost: %q", key, v)
		}
	}
	r := f.api(tok, "GET", fmt.Sprintf("/api/v1/assessments/%d", f.assess.ID), nil)
	if got := indicator(t, enabler(t, r, "collaboration"), "collaboration-1")["answer"]; got != "" {
		t.Errorf("saved despite the error: %v", got)
	}
}

// TestEnablersEndToEnd: the enablers in the framework endpoint (every
// language), the assessment, the questionnaire pages, the judgement
// endpoint, the overview, the report and the exports, never inside a
// capability figure.
func TestEnablersEndToEnd(t *testing.T) {
	f := newFixture(t)
	tok := f.token(f.coordinator)
	id := f.assess.ID
	for _, lang := range []string{"en", "ar", "fr", "es"} {
		r := f.api(tok, "GET", "/api/v1/framework?lang="+lang, nil)
		es, _ := r.Body["enablers"].([]any)
		if len(es) != 5 || es[0].(map[string]any)["number"] != "E1" || es[0].(map[string]any)["name"] == "" || r.str("rule") == "" {
			t.Errorf("%s: framework enablers %v rule %q", lang, len(es), r.str("rule"))
		}
		if lang != "en" && es[0].(map[string]any)["name"] == f.fw.Enablers()[0].Name.In("en") {
			t.Errorf("%s: enabler name not translated", lang)
		}
	}
	r := f.api(tok, "GET", fmt.Sprintf("/api/v1/assessments/%d", id), nil)
	if n := len(r.Body["enablers"].([]any)); n != 5 || len(r.Body["capabilities"].([]any)) != 21 {
		t.Fatalf("assessment: %d enablers, %d capabilities", n, len(r.Body["capabilities"].([]any)))
	}
	if e := enabler(t, r, "resources"); e["number"] != "E5" || e["kind"] != "enabler" {
		t.Errorf("E5 = %v %v", e["number"], e["kind"])
	}

	// Answered in HTML, on the enabler's own page.
	b := f.login(f.coordinator.Email)
	page := fmt.Sprintf("/assessments/%d/capabilities/justice-system", id)
	_, doc := b.get(page)
	if h := text(doc.Find("h1")); !strings.HasPrefix(h, "E2.") {
		t.Errorf("enabler heading %q", h)
	}
	if href, _ := doc.Find(`.rating-flags a[href^="/framework"]`).Attr("href"); href == "" {
		t.Error("no link to the rule from the questionnaire page")
	}
	form := formOf(doc, "form.capability-form")
	for _, in := range f.fw.Enabler("justice-system").Indicators {
		v := "yes"
		if in.Phase == 2 {
			v = "unknown"
		}
		form.Set("answer."+in.Key, v)
	}
	if res, _ := b.post(page, form); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("enabler form: %d", res.StatusCode)
	}
	_, doc = b.get(page)
	if doc.Find(`[data-rating="jagged"]`).Length() != 1 || doc.Find(`[data-rating="data-gaps"] li`).Length() != len(f.fw.Enabler("justice-system").IndicatorsByPhase(2)) {
		t.Errorf("enabler page flags: jagged %d, gaps %d", doc.Find(`[data-rating="jagged"]`).Length(), doc.Find(`[data-rating="data-gaps"] li`).Length())
	}
	// The judgement endpoint accepts the enabler's key.
	j := f.api(tok, "PUT", fmt.Sprintf("/api/v1/assessments/%d/capabilities/justice-system", id),
		map[string]any{"confirmed_phase": 2, "justification": "Court statistics show the phase-2 practice.", "target_phase": 3, "version": 0})
	if j.Status != 200 || j.Body["confirmed_phase"].(float64) != 2 || j.Body["number"] != "E2" {
		t.Fatalf("enabler judgement: %d %s", j.Status, j.Raw)
	}
	// The overview has the enablers' own section; capabilities' rows do not include them.
	_, doc = b.get(fmt.Sprintf("/assessments/%d", id))
	if doc.Find(`#enablers tr[data-enabler]`).Length() != 5 || doc.Find(`tr[data-capability="justice-system"]`).Length() != 0 {
		t.Errorf("overview: %d enabler rows", doc.Find(`#enablers tr[data-enabler]`).Length())
	}
	// The report shows them apart, with their flags.
	_, doc = b.get(fmt.Sprintf("/assessments/%d/report", id))
	row := doc.Find(`.report-enablers tr[data-enabler="justice-system"]`)
	if !strings.Contains(text(row.Find(".enabler-phase")), "2") || doc.Find(`#enabler-justice-system [data-rating="data-gaps"]`).Length() != 1 ||
		doc.Find(`#enabler-justice-system [data-rating="jagged"]`).Length() != 1 {
		t.Errorf("report enabler section: %q", text(row))
	}
	if doc.Find(`.report-capability#cap-justice-system`).Length() != 0 {
		t.Error("an enabler is reported as a capability")
	}
	// Exports: the JSON's own list, the CSV's rows after the capabilities'.
	js := f.api(tok, "GET", fmt.Sprintf("/api/v1/assessments/%d/export.json", id), nil)
	ens, _ := js.Body["enablers"].([]any)
	if len(ens) != 5 || ens[1].(map[string]any)["number"] != "E2" || ens[1].(map[string]any)["phase"].(float64) != 2 {
		t.Errorf("JSON export enablers: %v", len(ens))
	}
	for _, d := range js.Body["domains"].([]any) {
		for _, c := range d.(map[string]any)["capabilities"].([]any) {
			if k := c.(map[string]any)["key"]; f.fw.Enabler(k.(string)) != nil {
				t.Errorf("enabler %v inside a domain", k)
			}
		}
	}
	csv := f.api(tok, "GET", fmt.Sprintf("/api/v1/assessments/%d/export.csv", id), nil)
	if !strings.Contains(string(csv.Raw), ",E2,justice-system,") {
		t.Error("CSV export lacks the enablers' rows")
	}
	// The workbook's own Enablers sheet, after the capabilities'.
	_, raw := f.download(tok, fmt.Sprintf("/api/v1/assessments/%d/export.xlsx", id))
	x, err := excelize.OpenReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := x.GetRows("Enablers")
	if len(rows) != 6 || rows[0][0] != "Number" || rows[2][0] != "E2" || rows[2][2] != "2" || rows[2][4] != "3" ||
		rows[2][8] != "Court statistics show the phase-2 practice." || rows[1][2] != "Not assessed" {
		t.Errorf("Enablers sheet: %q", rows)
	}
	if caps, _ := x.GetRows("Capabilities"); len(caps) != 22 {
		t.Errorf("Capabilities sheet: %d rows, want the 21 capabilities and a header", len(caps))
	}
}

// TestNextCycleAcrossVersions: an approved 2026.1 assessment continues on
// 2026.2 through the mapping: splits carry to each part, a merged or
// removed indicator carries nothing, the enablers join; the progress view
// then compares the two versions.
func TestNextCycleAcrossVersions(t *testing.T) {
	f := newFixture(t)
	old, err := framework.Get("2026.1")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	in := assessment.AssessmentInput{OrganisationID: f.org.ID, Title: "National self-assessment", Period: "2025"}
	a, err := in.Validate(old)
	if err != nil {
		t.Fatal(err)
	}
	if a, err = f.db.CreateAssessment(ctx, assessment.System, old, a); err != nil {
		t.Fatal(err)
	}
	var answers []assessment.Answer
	for _, c := range old.Capabilities() {
		for _, ind := range c.Indicators {
			answers = append(answers, assessment.Answer{AssessmentID: a.ID, IndicatorKey: ind.Key, CapabilityKey: c.Key, Value: assessment.Yes, Evidence: "2025 evidence " + ind.Key})
		}
		st := &assessment.CapabilityState{AssessmentID: a.ID, CapabilityKey: c.Key}
		if _, _, err := f.db.SaveCapabilityForm(ctx, assessment.System, answers[len(answers)-len(c.Indicators):], st); err != nil {
			t.Fatal(err)
		}
	}
	f.approve(a)

	// Find a split, a merged (or removed) and a changed indicator in the mapping.
	var split, dropped string
	for _, c := range old.Capabilities() {
		for _, ind := range c.Indicators {
			ch, _ := f.fw.IndicatorChange(old.Version, ind.Key)
			switch {
			case ch.Kind == framework.Split && ch.Carries && split == "":
				split = ind.Key
			case (ch.Kind == framework.Merged || ch.Kind == framework.Removed) && dropped == "":
				dropped = ind.Key
			}
		}
	}
	if split == "" || dropped == "" {
		t.Fatalf("mapping lacks a carried split (%q) or a merged/removed indicator (%q)", split, dropped)
	}
	w := f.api(f.token(f.coordinator), "POST", fmt.Sprintf("/api/v1/assessments/%d/next-cycle", a.ID), map[string]any{"title": "National self-assessment", "period": "2026"})
	if w.Status != http.StatusCreated && w.Status != http.StatusOK {
		t.Fatalf("next cycle: %d %s", w.Status, w.Raw)
	}
	next := int64(w.Body["id"].(float64))
	r := f.api(f.token(f.coordinator), "GET", fmt.Sprintf("/api/v1/assessments/%d", next), nil)
	if r.str("framework_version") != "2026.2" || len(r.Body["enablers"].([]any)) != 5 {
		t.Fatalf("next cycle on %s with %v enablers", r.str("framework_version"), r.Body["enablers"])
	}
	byKey := map[string]map[string]any{}
	for _, c := range r.Body["capabilities"].([]any) {
		for _, i := range c.(map[string]any)["indicators"].([]any) {
			m := i.(map[string]any)
			byKey[m["key"].(string)] = m
		}
	}
	ch, _ := f.fw.IndicatorChange(old.Version, split)
	for _, part := range ch.To {
		if got := byKey[part]; got["answer"] != "yes" || got["evidence"] != "2025 evidence "+split || got["carried_forward"] != true {
			t.Errorf("split %s → %s: %v", split, part, got)
		}
	}
	if _, still := byKey[dropped]; still {
		t.Errorf("%s (merged or removed) still asked", dropped)
	}
	for k, m := range byKey {
		if m["evidence"] == "2025 evidence "+dropped {
			t.Errorf("the answer of %s (merged or removed) was carried into %s", dropped, k)
		}
	}
	// The capability page marks the carried answers whose indicator was
	// reworked (split here) for reading before confirmation.
	b0 := f.login(f.coordinator.Email)
	_, cdoc := b0.get(fmt.Sprintf("/assessments/%d/capabilities/%s", next, f.fw.Indicator(ch.To[0]).Capability.Key))
	if cdoc.Find(fmt.Sprintf(`[data-reworked="%s"]`, ch.To[0])).Length() != 1 || !strings.Contains(text(cdoc.Find(".reworked").First()), "2026.1") {
		t.Errorf("%s (split from %s): the carried part is not marked as reworked", ch.To[0], split)
	}
	// Progress compares the cycles through the mapping.
	p := f.api(f.token(f.coordinator), "GET", fmt.Sprintf("/api/v1/organisations/%d/progress", f.org.ID), nil)
	cycles, _ := p.Body["cycles"].([]any)
	comparable := 0
	for _, c := range cycles {
		if c.(map[string]any)["comparable"] == true {
			comparable++
		}
	}
	if comparable < 2 {
		t.Errorf("progress: %d comparable cycles of %d: %s", comparable, len(cycles), p.Raw)
	}
	b := f.login(f.coordinator.Email)
	_, doc := b.get(fmt.Sprintf("/organisations/%d/progress", f.org.ID))
	if doc.Find("#cycles li").Length() < 2 {
		t.Errorf("progress page lists %d cycles", doc.Find("#cycles li").Length())
	}
}

// TestFrameworkPageInEveryLanguage: the rule in words, the scale and the
// enablers, in the four languages.
func TestFrameworkPageInEveryLanguage(t *testing.T) {
	f := newFixture(t)
	b := f.login(f.coordinator.Email)
	for _, lang := range []string{"en", "ar", "fr", "es"} {
		b.switchLanguage(lang)
		_, doc := b.get("/framework")
		rule := text(doc.Find("#rule .rule"))
		if want := strings.Join(strings.Fields(f.fw.Rule.In(lang)), " "); rule != want || rule == "" {
			t.Errorf("%s: rule %q", lang, rule)
		}
		if doc.Find("#enablers li").Length() != 5 || doc.Find("#scale dt").Length() != 5 {
			t.Errorf("%s: %d enablers, %d phases", lang, doc.Find("#enablers li").Length(), doc.Find("#scale dt").Length())
		}
	}
	_, doc := b.get("/framework?version=2026.1")
	if doc.Find("#enablers").Length() != 0 {
		t.Error("2026.1 shows enablers it does not have")
	}
	res, _ := b.get("/framework?version=1999.1")
	if res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown version: %d", res.StatusCode)
	}
}

// capabilityIndicators counts the indicators of every capability of fw.
func capabilityIndicators(fw *framework.Framework) int {
	n := 0
	for _, c := range fw.Capabilities() {
		n += len(c.Indicators)
	}
	return n
}

// enablerIndicators counts the indicators of every enabler of fw.
func enablerIndicators(fw *framework.Framework) int {
	n := 0
	for _, e := range fw.Enablers() {
		n += len(e.Indicators)
	}
	return n
}
