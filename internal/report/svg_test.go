package report

import (
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// svgElem is an element of a parsed chart, with its attributes by name.
type svgElem struct {
	name  string
	attrs map[string]string
}

// parseSVG decodes the whole chart as XML and returns its elements, failing
// the test on any well-formedness error.
func parseSVG(t *testing.T, s string) []svgElem {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(s))
	var out []svgElem
	depth := 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v\n%s", err, s)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			depth++
			e := svgElem{name: tk.Name.Local, attrs: map[string]string{}}
			for _, a := range tk.Attr {
				e.attrs[a.Name.Local] = a.Value
			}
			out = append(out, e)
		case xml.EndElement:
			depth--
		}
	}
	if depth != 0 || len(out) == 0 || out[0].name != "svg" {
		t.Fatalf("SVG root/depth wrong (depth %d)", depth)
	}
	return out
}

func withClass(els []svgElem, class string) []svgElem {
	var out []svgElem
	for _, e := range els {
		for _, c := range strings.Fields(e.attrs["class"]) {
			if c == class {
				out = append(out, e)
			}
		}
	}
	return out
}

func TestRadarSVG(t *testing.T) {
	r := fixtureReport(t, true)
	s := string(RadarSVG(r, "en"))
	els := parseSVG(t, s)
	root := els[0]
	if root.attrs["role"] != "img" || root.attrs["viewBox"] == "" || root.attrs["width"] != "" {
		t.Errorf("root attrs = %v", root.attrs)
	}
	if els[1].name != "title" || els[2].name != "desc" {
		t.Errorf("first children = %s, %s; want title, desc", els[1].name, els[2].name)
	}
	if !strings.Contains(s, "4 Dedicated law enforcement: not assessed, target 2") {
		t.Errorf("desc does not describe the not-assessed capability")
	}

	pts := withClass(els, "pt-current")
	got := map[string]string{}
	for _, p := range pts {
		got[p.attrs["data-capability"]] = p.attrs["data-phase"]
	}
	want := map[string]string{}
	for _, c := range r.Capabilities {
		if c.Score.Phase != nil {
			want[c.Key] = strconv.Itoa(*c.Score.Phase)
		}
	}
	if len(pts) != len(want) {
		t.Errorf("%d current points, want %d (one per assessed capability)", len(pts), len(want))
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: data-phase %q, want %q", k, got[k], v)
		}
	}
	for _, key := range []string{"law-enforcement", "judiciary-prosecutors"} {
		if _, ok := got[key]; ok {
			t.Errorf("%s is not assessed but has a current point", key)
		}
	}
	if n := len(withClass(els, "pt-not-assessed")); n != 2 {
		t.Errorf("%d not-assessed markers, want 2", n)
	}
	if n := len(withClass(els, "pt-target")); n != 4 {
		t.Errorf("%d target points, want 4", n)
	}
	if n := len(withClass(els, "pt-previous")); n != 3 {
		t.Errorf("%d previous points, want 3", n)
	}
	// The current series has gaps, so it must not be filled as an area.
	for _, p := range withClass(els, "line-current") {
		if p.attrs["fill"] != "none" || strings.Contains(p.attrs["d"], "Z") {
			t.Errorf("broken current series drawn as closed area: %v", p.attrs)
		}
	}
	for _, label := range []string{"Current (confirmed phase)", "Target", "Previous cycle (2024)", "Not assessed (no point plotted)"} {
		if !strings.Contains(s, ">"+label+"<") {
			t.Errorf("legend lacks %q", label)
		}
	}
}

func TestRadarSVGCompleteSeriesIsClosed(t *testing.T) {
	r := BuildAt(nationalDetail(t, 1, 0), nil, "en", fixtureAt)
	els := parseSVG(t, string(RadarSVG(r, "en")))
	lines := withClass(els, "line-current")
	if len(lines) != 1 || !strings.HasSuffix(lines[0].attrs["d"], "Z") || lines[0].attrs["fill"] == "none" {
		t.Errorf("complete series should be one closed, filled polygon: %v", lines)
	}
	if n := len(withClass(els, "pt-current")); n != 21 {
		t.Errorf("%d points, want 21", n)
	}
	if n := len(withClass(els, "pt-previous")); n != 0 {
		t.Errorf("%d previous points without a previous cycle", n)
	}
}

func TestRadarFallsBackToBars(t *testing.T) {
	d := fixtureDetail(t)
	d.Capabilities = d.Capabilities[:2]
	d.Domains = d.Domains[:1]
	d.Domains[0].Capabilities = d.Domains[0].Capabilities[:2]
	r := BuildAt(d, nil, "en", fixtureAt)
	els := parseSVG(t, string(RadarSVG(r, "en")))
	if !strings.Contains(els[0].attrs["class"], "chart-bars") {
		t.Fatalf("class = %q, want a bar chart", els[0].attrs["class"])
	}
	bars := withClass(els, "bar-current")
	if len(bars) != 2 || bars[0].attrs["data-capability"] != "leadership" || bars[0].attrs["data-phase"] != "2" ||
		bars[1].attrs["data-phase"] != "2" {
		t.Errorf("bars = %v", bars)
	}
}

func TestDomainBarsSVG(t *testing.T) {
	r := fixtureReport(t, false)
	s := string(DomainBarsSVG(r, "en"))
	els := parseSVG(t, s)
	rows := withClass(els, "bar-row")
	if len(rows) != len(r.Domains) {
		t.Fatalf("%d rows, want %d", len(rows), len(r.Domains))
	}
	bars := withClass(els, "bar-current")
	if len(bars) != 2 { // criminal justice has no assessed capability
		t.Errorf("%d bars, want 2", len(bars))
	}
	if bars[0].attrs["data-domain"] != "policy-governance" || bars[0].attrs["data-value"] != "2.3" {
		t.Errorf("first bar = %v", bars[0].attrs)
	}
	if n := len(withClass(els, "pt-target")); n != 3 {
		t.Errorf("%d target markers, want 3", n)
	}
	if n := len(withClass(els, "gridline")); n != 5 {
		t.Errorf("%d gridlines, want 5", n)
	}
	for _, text := range []string{">2.3<", ">0.0<", ">not assessed<"} {
		if !strings.Contains(s, text) {
			t.Errorf("chart lacks value text %q", text)
		}
	}
}

func TestSVGEscapesText(t *testing.T) {
	d := fixtureDetail(t)
	d.Assessment.Title = `<script>alert("x")</script> & co`
	d.Assessment.Period = "2026\x01"
	r := BuildAt(d, nil, "en", fixtureAt)
	for name, s := range map[string]string{"radar": string(RadarSVG(r, "en")), "bars": string(DomainBarsSVG(r, "en"))} {
		parseSVG(t, s)
		if strings.Contains(s, "<script>") {
			t.Errorf("%s: unescaped markup in chart", name)
		}
	}
}

func TestRadarMirrorsForRTL(t *testing.T) {
	r := fixtureReport(t, false)
	ltr := parseSVG(t, string(RadarSVG(r, "en")))
	rtl := parseSVG(t, string(RadarSVG(r, "ar")))
	// The second axis goes clockwise (right) in LTR and counter-clockwise
	// (left) in RTL.
	x := func(els []svgElem) float64 {
		v, _ := strconv.ParseFloat(withClass(els, "axis")[1].attrs["x2"], 64)
		return v
	}
	if !(x(ltr) > 320 && x(rtl) < 320) {
		t.Errorf("second axis x: ltr %v rtl %v", x(ltr), x(rtl))
	}
}

// TestWriteChartSamples writes the charts to a temporary directory when
// MNR_CHART_DIR is set, for looking at them in a browser.
func TestWriteChartSamples(t *testing.T) {
	dir := os.Getenv("MNR_CHART_DIR")
	if dir == "" {
		t.Skip("set MNR_CHART_DIR to write sample charts")
	}
	r := fixtureReport(t, true)
	files := map[string]string{
		"radar.svg": string(RadarSVG(r, "en")), "domains.svg": string(DomainBarsSVG(r, "en")),
		"radar-ar.svg": string(RadarSVG(r, "ar")),
	}
	for name, s := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
