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
)

// Export → fill → import gives the same answers, on SQLite and PostgreSQL:
// a dry run changes nothing, the real import saves all, recorded as
// imported from the workbook.
func TestWorkbookRoundTrip(t *testing.T) {
	for name, dsn := range databases(t) {
		t.Run(name, func(t *testing.T) {
			a := newAppOn(t, openStore(t, dsn))
			org := a.org("Ministry of Demoland", "XD")
			owner := a.user("owner@example.org", false)
			a.member(owner, org, assessment.RoleOwner)
			as := a.assessment(org, nil)
			tok := a.token(owner)
			path := fmt.Sprintf("/api/v1/assessments/%d/workbook", as.ID)
			data := fill(t, a.downloadWorkbook(tok, path+".xlsx"), map[string]string{
				"1.1": "Yes", "1.1/F": "Decree 12/2024 establishing the national committee", "1.1/G": "Signed by the Prime Minister",
				"1.2": "Not applicable", "1.2/G": "No federal structure in Demoland",
				"1/target": "3 – Established", "1/priority": "high", "1/lead": "Ministry of Justice",
				"E1.1": "Partly",
			})

			dry := a.upload(tok, path, data, "true")
			if dry.Status != http.StatusOK || dry.Body["applied"] != false || len(items(dry, "new")) != 4 || len(items(dry, "conflicts")) != 0 {
				t.Fatalf("dry run: %d %s", dry.Status, dry.Raw)
			}
			if got := a.answerOf(as.ID, "leadership-1"); got.Value != "" {
				t.Fatalf("the dry run saved: %+v", got)
			}

			res := a.upload(tok, path, data, "false")
			if res.Status != http.StatusOK || res.Body["applied"] != true {
				t.Fatalf("import: %d %s", res.Status, res.Raw)
			}
			one, two := a.answerOf(as.ID, "leadership-1"), a.answerOf(as.ID, a.fw.Capability("leadership").Indicators[1].Key)
			if one.Value != assessment.Yes || one.Evidence != "Decree 12/2024 establishing the national committee" || one.Note != "Signed by the Prime Minister" {
				t.Errorf("1.1: %+v", one)
			}
			if two.Value != assessment.NA || two.Note != "No federal structure in Demoland" {
				t.Errorf("1.2: %+v", two)
			}
			_, _, states, _, _ := a.db.AssessmentContent(context.Background(), as.ID)
			for _, st := range states {
				if st.CapabilityKey == "leadership" && (st.Target == nil || *st.Target != 3 || st.Priority != assessment.PriorityHigh || st.Lead != "Ministry of Justice") {
					t.Errorf("phases: %+v", st)
				}
			}
			if n := len(a.events("answer.save.workbook")); n != 3 {
				t.Errorf("%d answer.save.workbook events, want 3", n)
			}
			if e := a.fw.Enablers()[0]; a.answerOf(as.ID, e.Indicators[0].Key).Value != assessment.Partly {
				t.Errorf("enabler %s not imported", e.Label())
			}
			if n := len(a.events("capability.save.workbook")); n != 1 {
				t.Errorf("%d capability.save.workbook events, want 1", n)
			}
			again := a.upload(tok, path, data, "false")
			if again.Status != http.StatusOK || len(items(again, "new"))+len(items(again, "changed"))+len(items(again, "conflicts")) != 0 {
				t.Errorf("importing the same workbook again: %s", again.Raw)
			}
		})
	}
}

// An answer changed online after the download, and in the workbook, is a
// conflict naming who changed it; the import leaves it as it is online.
func TestWorkbookConflictPreview(t *testing.T) {
	f := newFixture(t)
	tok, coord := f.token(f.owner), f.token(f.coordinator)
	path := fmt.Sprintf("/api/v1/assessments/%d/workbook", f.assess.ID)
	data := fill(t, f.downloadWorkbook(tok, path+".xlsx"), map[string]string{"1.1": "No", "1.3": "Yes"})
	if r := f.api(coord, "PUT", fmt.Sprintf("/api/v1/assessments/%d/indicators/leadership-1", f.assess.ID),
		map[string]any{"answer": "partly", "evidence": "Draft decree", "version": 0}); r.Status != http.StatusOK {
		t.Fatalf("online save: %d %s", r.Status, r.Raw)
	}
	res := f.upload(tok, path, data, "false")
	if res.Status != http.StatusOK {
		t.Fatalf("%d %s", res.Status, res.Raw)
	}
	conflicts := items(res, "conflicts")
	if len(conflicts) != 1 || len(items(res, "new")) != 1 {
		t.Fatalf("preview: %s", res.Raw)
	}
	c := conflicts[0]
	yours, online := c["yours"].(map[string]any), c["online"].(map[string]any)
	if c["key"] != "leadership-1" || c["number"] != "1.1" || c["changed_by"] != f.coordinator.Name || c["changed_at"] == nil ||
		yours["answer"] != "no" || online["answer"] != "partly" || c["sheet"] == "" || c["cell"] == "" {
		t.Fatalf("conflict: %v", c)
	}
	if got := f.answerOf(f.assess.ID, "leadership-1"); got.Value != assessment.Partly || got.Evidence != "Draft decree" {
		t.Fatalf("the conflict was overwritten: %+v", got)
	}
}

// Each bad workbook is refused with a message naming what is wrong, and
// nothing changes.
func TestWorkbookBadUploads(t *testing.T) {
	f := newFixture(t)
	tok := f.token(f.owner)
	path := fmt.Sprintf("/api/v1/assessments/%d/workbook", f.assess.ID)
	good := f.downloadWorkbook(tok, path+".xlsx")
	other := f.downloadWorkbook(f.token(f.outsider), fmt.Sprintf("/api/v1/assessments/%d/workbook.xlsx", f.otherAssess.ID))
	edit := func(fn func(*excelize.File)) []byte {
		x, _ := excelize.OpenReader(bytes.NewReader(good))
		fn(x)
		var buf bytes.Buffer
		x.WriteTo(&buf)
		return buf.Bytes()
	}
	sheets := func() []string { x, _ := excelize.OpenReader(bytes.NewReader(good)); return x.GetSheetList() }()
	before := len(f.events(""))
	cases := []struct {
		name   string
		data   []byte
		status int
		says   string
	}{
		{"another assessment", fill(t, other, map[string]string{"1.1": "Yes"}), 422, "downloaded from another assessment or contribution"},
		{"tampered hidden sheet", edit(func(x *excelize.File) { x.SetCellStr("mnr", "B2", "999") }), 422, "hidden sheet of this workbook was changed"},
		{"value outside the drop-down", fill(t, good, map[string]string{"1.1": "Probably"}), 422, "cell E4 (answer): “Probably” is not one of the choices"},
		{"renamed sheet", edit(func(x *excelize.File) { x.SetSheetName(sheets[1], "Mine") }), 422, "The sheet “" + sheets[1] + "” is missing"},
		{"deleted sheet", edit(func(x *excelize.File) { x.DeleteSheet(sheets[2]) }), 422, "The sheet “" + sheets[2] + "” is missing"},
		{"not an xlsx", []byte("%PDF-1.4\nnot a workbook"), 422, "not an Excel workbook"},
		{"zip bomb", zipBomb(t), 422, "would unpack to more than"},
		{"oversized", make([]byte, 2<<20+1), 413, "a workbook may be at most 2048 KB"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := f.upload(tok, path, c.data, "false")
			if res.Status != c.status || res.str("field") != "file" || !strings.Contains(res.str("error"), c.says) {
				t.Fatalf("%d %s", res.Status, res.Raw)
			}
		})
	}
	if got := f.answerOf(f.assess.ID, "leadership-1"); got.Value != "" || len(f.events("")) != before {
		t.Fatalf("something changed: %+v", got)
	}
}

// The agency imports only its own contribution; other organisations get
// 404; members who may not change what the workbook changes get 403.
func TestWorkbookAuthorization(t *testing.T) {
	w := newAgencies(t)
	police := w.invite(t, w.police, "", "leadership")
	policeTok, prosTok := w.token(w.policeLead), w.token(w.prosecutor)
	cpath := fmt.Sprintf("/api/v1/contributions/%d/workbook", police)
	data := fill(t, w.downloadWorkbook(policeTok, cpath+".xlsx"), map[string]string{"1.1": "Partly", "1.1/F": "Unit standard operating procedures"})

	if r := w.upload(prosTok, cpath, data, "false"); r.Status != http.StatusNotFound {
		t.Errorf("another agency: %d %s", r.Status, r.Raw)
	}
	if r := w.api(prosTok, "GET", cpath+".xlsx", nil); r.Status != http.StatusNotFound {
		t.Errorf("another agency's download: %d", r.Status)
	}
	if r := w.upload(w.token(w.coordinator), cpath, data, "true"); r.Status != http.StatusForbidden {
		t.Errorf("the national coordinator into the agency's contribution: %d %s", r.Status, r.Raw)
	}
	if r := w.upload(w.token(w.owner), fmt.Sprintf("/api/v1/assessments/%d/workbook", w.assess.ID), data, "true"); r.Status != http.StatusUnprocessableEntity {
		t.Errorf("the contribution's workbook into the assessment: %d %s", r.Status, r.Raw)
	}
	r := w.upload(policeTok, cpath, data, "false")
	if r.Status != http.StatusOK || r.Body["applied"] != true || len(items(r, "new")) != 1 {
		t.Fatalf("own contribution: %d %s", r.Status, r.Raw)
	}
	if n := len(w.events("contribution.answer.workbook")); n != 1 {
		t.Errorf("%d contribution.answer.workbook events", n)
	}

	apath := fmt.Sprintf("/api/v1/assessments/%d/workbook", w.assess.ID)
	mine := fill(t, w.downloadWorkbook(w.token(w.owner), apath+".xlsx"), map[string]string{"2.1": "Yes"})
	if r := w.upload(w.token(w.outsider), apath, mine, "true"); r.Status != http.StatusNotFound {
		t.Errorf("another tenant: %d", r.Status)
	}
	if r := w.api(w.token(w.outsider), "GET", apath+".xlsx", nil); r.Status != http.StatusNotFound {
		t.Errorf("another tenant's download: %d", r.Status)
	}
	if r := w.upload(w.token(w.viewer), apath, mine, "true"); r.Status != http.StatusForbidden {
		t.Errorf("viewer: %d", r.Status)
	}
	if r := w.upload(w.token(w.contributor), apath, mine, "false"); r.Status != http.StatusForbidden {
		t.Errorf("contributor, capability 2 not assigned: %d %s", r.Status, r.Raw)
	}
	own := fill(t, w.downloadWorkbook(w.token(w.contributor), apath+".xlsx"), map[string]string{"1.4": "No"})
	if r := w.upload(w.token(w.contributor), apath, own, "false"); r.Status != http.StatusOK || r.Body["applied"] != true {
		t.Errorf("contributor, assigned capability: %d %s", r.Status, r.Raw)
	}
}

// The Arabic workbook reads right to left.
func TestWorkbookArabic(t *testing.T) {
	f := newFixture(t)
	data := f.downloadWorkbook(f.token(f.owner), fmt.Sprintf("/api/v1/assessments/%d/workbook.xlsx?lang=ar", f.assess.ID))
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	list := x.GetSheetList()
	if list[0] != "التعليمات" {
		t.Errorf("first sheet %q", list[0])
	}
	v, _ := x.GetSheetView(list[1], -1)
	if v.RightToLeft == nil || !*v.RightToLeft {
		t.Error("not right to left")
	}
	if s, _ := x.GetCellValue(list[1], "E2"); s != "الإجابة" {
		t.Errorf("answer heading %q", s)
	}
}
