package view

import (
	"strings"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
)

// TestIndicatorTextRenderedOnce: an indicator's fixed parts are built once
// per language, its radio buttons check exactly the value asked for, and a
// value not built ahead is rendered on demand.
func TestIndicatorTextRenderedOnce(t *testing.T) {
	b, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	v, err := New(b)
	if err != nil {
		t.Fatal(err)
	}
	fw, err := framework.Default()
	if err != nil {
		t.Fatal(err)
	}
	ind := fw.Capabilities()[0].Indicators[0]
	tr := b.For("ar")
	it, err := v.indicators.get(tr, v.fragments["ar"], ind)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := v.indicators.get(tr, v.fragments["ar"], ind)
	if again != it {
		t.Error("the indicator's texts were built twice")
	}
	h, err := it.ChoicesFor(assessment.Partly)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(string(h), "checked") != 1 || !strings.Contains(string(h), `value="partly" checked`) {
		t.Errorf("choices with partly checked: %s", h)
	}
	if h, _ = it.ChoicesFor("bogus"); strings.Contains(string(h), "checked") {
		t.Errorf("an unknown value checked something: %s", h)
	}
	if !strings.Contains(string(it.Upload), `id="upload-file-`+ind.Key+`"`) {
		t.Errorf("upload controls: %s", it.Upload)
	}
}
