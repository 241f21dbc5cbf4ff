package assessment

import "testing"

func TestTextRules(t *testing.T) {
	cases := []struct {
		in        string
		line, txt bool // accepted as one line, as several lines
	}{
		{"Ministry of Justice", true, true},
		{"وزارة العدل", true, true},
		{"Évaluation 2026 – bilan", true, true},
		{"a\u200fb\u061cc", true, true}, // direction marks are harmless
		{"two\nlines", false, true},
		{"crlf\r\nlines", false, true},
		{"tab\there", false, true},
		{"nul\x00byte", false, false},
		{"bell\x07", false, false},
		{"del\x7f", false, false},
		{"bad \xff\xfe bytes", false, false},
		{"cut \xe2\x82", false, false},
		{"evil \u202eTITLE", false, true},
		{"isolate \u2067x\u2069", false, true},
		{"embed \u202ax\u202c", false, true},
	}
	for _, c := range cases {
		if err := CheckLine("title", c.in); (err == nil) != c.line {
			t.Errorf("CheckLine(%q) = %v, want accepted %v", c.in, err, c.line)
		} else if err != nil && err.(*Error).Field != "title" {
			t.Errorf("CheckLine(%q) names %q", c.in, err.(*Error).Field)
		}
		if err := CheckText("note", c.in); (err == nil) != c.txt {
			t.Errorf("CheckText(%q) = %v, want accepted %v", c.in, err, c.txt)
		}
	}
	if err := CheckIDs("ids", MaxIDs); err != nil {
		t.Errorf("%d ids: %v", MaxIDs, err)
	}
	if err := CheckIDs("ids", MaxIDs+1); err == nil || err.(*Error).Field != "ids" || ErrorCode(err) != EINVALID {
		t.Errorf("%d ids: %v", MaxIDs+1, err)
	}
}
