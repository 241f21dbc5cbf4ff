package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/export"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// TestReportFiguresAgree: one number, one computation. On every report of
// the demo and of a generated set of assessments, each figure the key
// findings state is the same as in the tiles and the tables: shares with
// their count and total, the mean, the distribution of phases, the
// capabilities at 0, the largest gaps and the data gaps.
func TestReportFiguresAgree(t *testing.T) {
	ctx := context.Background()
	m := NewMain(strings.NewReader(""), io.Discard, io.Discard)
	db, err := m.open(ctx, filepath.Join(t.TempDir(), "mnr.db"))
	if err != nil {
		t.Fatal(err)
	}
	fw, _ := framework.Default()
	if err := loadDemo(ctx, db, fw); err != nil {
		t.Fatal(err)
	}
	ids := []int64{1, 2, 3}
	ids = append(ids, generateAssessments(t, ctx, db, fw, 8)...)
	ex, err := export.New(db, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		for _, lang := range []string{"en", "ar", "fr", "es"} {
			page, err := ex.ReportHTML(ctx, id, lang, false)
			if err != nil {
				t.Fatalf("assessment %d %s: %v", id, lang, err)
			}
			doc, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
			if err != nil {
				t.Fatal(err)
			}
			checkFigures(t, fmt.Sprintf("assessment %d (%s)", id, lang), doc, lang == "en")
		}
	}
}

type capRow struct {
	name         string
	phase        int // -1: not assessed
	gap          int
	answered, of int
}

var (
	rowPhase   = regexp.MustCompile(`^(\d) · `)
	phaseItem  = regexp.MustCompile(`phase (\d) [^:;]+: (\d+)`)
	byPhase    = regexp.MustCompile(`By phase: ([^.]*)\.`)
	refStart   = regexp.MustCompile(`(?:^|, )(\d+) `)
	zeroList   = regexp.MustCompile(`^At phase 0 \([^)]*\): (.*)\.$`)
	largest    = regexp.MustCompile(`: (\d+) phase\(s\) for (.*) \((\d+) capabilities are below`)
	equalGaps  = regexp.MustCompile(`each of the (\d+) capabilities below its target is (\d+) phase`)
	dataGaps   = regexp.MustCompile(`Don't know answers: (\d+); unanswered indicators: (\d+); capabilities not assessed: (.*)\.$`)
	shareTiles = []string{"#overall-established", "#overall-assessed"}
)

func checkFigures(t *testing.T, name string, doc *goquery.Document, english bool) {
	t.Helper()
	var findings []string
	doc.Find("#findings li").Each(func(_ int, s *goquery.Selection) { findings = append(findings, s.Text()) })
	if len(findings) < 4 || len(findings) > 6 {
		t.Fatalf("%s: %d findings, want 4 to 6: %q", name, len(findings), findings)
	}
	var rows []capRow
	doc.Find("#capability-table tbody tr").Each(func(_ int, s *goquery.Selection) {
		r := capRow{name: strings.TrimSpace(s.Find("th a, th").First().Contents().First().Text()), phase: -1}
		if m := rowPhase.FindStringSubmatch(strings.TrimSpace(s.Find(".phase").Text())); m != nil {
			r.phase, _ = strconv.Atoi(m[1])
		}
		r.gap, _ = strconv.Atoi(strings.TrimSpace(s.Find(".gap").Text()))
		fmt.Sscanf(strings.TrimSpace(s.Find(".answered").Text()), "%d/%d", &r.answered, &r.of)
		rows = append(rows, r)
	})
	var counts [framework.MaxPhase + 1]int
	assessed, answered, total, notAssessed, maxGap := 0, 0, 0, 0, 0
	for _, r := range rows {
		answered, total = answered+r.answered, total+r.of
		if r.phase < 0 {
			notAssessed++
			continue
		}
		assessed++
		counts[r.phase]++
		maxGap = max(maxGap, r.gap)
	}
	// The heat table's totals are the capability table's distribution.
	doc.Find("#heat-table .heat-count").Each(func(i int, s *goquery.Selection) {
		if n, _ := strconv.Atoi(s.Text()); n != counts[i] {
			t.Errorf("%s: heat table has %d at phase %d, the capability table %d", name, n, i, counts[i])
		}
	})
	// Tiles with a count and total appear word for word in the findings
	// when there is anything assessed.
	if assessed > 0 {
		for _, sel := range append(shareTiles, "#overall-mean") {
			tile := doc.Find(sel).Text()
			if !strings.Contains(findings[0], tile) {
				t.Errorf("%s: tile %s %q is not the figure of the finding %q", name, sel, tile, findings[0])
			}
		}
	}
	if !english {
		return
	}
	wantAnswered := fmt.Sprintf("%d of %d (", answered, total)
	if got := doc.Find("#overall-completion").Text(); !strings.HasPrefix(got, wantAnswered) {
		t.Errorf("%s: indicators answered tile %q, table sums to %s…", name, got, wantAnswered)
	}
	if assessed > 0 {
		if want := fmt.Sprintf("%d of %d (", assessed, len(rows)); !strings.HasPrefix(doc.Find("#overall-assessed").Text(), want) {
			t.Errorf("%s: assessed tile %q, table has %d of %d", name, doc.Find("#overall-assessed").Text(), assessed, len(rows))
		}
		seen := map[int]int{}
		for _, m := range phaseItem.FindAllStringSubmatch(byPhase.FindString(findings[0]), -1) {
			p, _ := strconv.Atoi(m[1])
			seen[p], _ = strconv.Atoi(m[2])
		}
		for p, n := range counts {
			if seen[p] != n {
				t.Errorf("%s: finding says %d at phase %d, the table %d: %q", name, seen[p], p, n, findings[0])
			}
		}
		if m := zeroList.FindStringSubmatch(findings[2]); m != nil {
			if got := len(refStart.FindAllString(m[1], -1)); got != counts[0] {
				t.Errorf("%s: finding names %d capabilities at 0, the table has %d", name, got, counts[0])
			}
		} else if counts[0] > 0 {
			t.Errorf("%s: %d capabilities at 0 but the finding says %q", name, counts[0], findings[2])
		}
	}
	joined := strings.Join(findings, " ")
	switch m, e := largest.FindStringSubmatch(joined), equalGaps.FindStringSubmatch(joined); {
	case m != nil:
		g, _ := strconv.Atoi(m[1])
		named := map[string]bool{}
		for _, r := range refStart.FindAllStringSubmatch(m[2], -1) {
			named[r[1]] = true
		}
		withMax := 0
		for _, r := range rows {
			if r.gap == maxGap {
				withMax++
				if no, _, _ := strings.Cut(r.name, "."); !named[no] {
					t.Errorf("%s: %s has the largest gap %d but is not named: %q", name, r.name, maxGap, m[2])
				}
			}
		}
		if g != maxGap || len(named) != withMax {
			t.Errorf("%s: finding names gap %d for %d capabilities; the table's largest is %d for %d", name, g, len(named), maxGap, withMax)
		}
	case e != nil:
		g, _ := strconv.Atoi(e[2])
		for _, r := range rows {
			if r.gap != 0 && r.gap != g {
				t.Errorf("%s: finding says all gaps are %d, %s has %d", name, g, r.name, r.gap)
			}
		}
	default:
		if maxGap > 0 && doc.Find("#capability-table .target").Text() != "" && !strings.Contains(joined, "No target phases") {
			t.Errorf("%s: the largest gap is %d, but no finding names the gaps: %q", name, maxGap, joined)
		}
	}
	if m := dataGaps.FindStringSubmatch(findings[len(findings)-1]); m != nil {
		un, _ := strconv.Atoi(m[2])
		if un != total-answered {
			t.Errorf("%s: finding says %d unanswered, the table %d", name, un, total-answered)
		}
		dk, _ := strconv.Atoi(m[1])
		if got := doc.Find(`.annex-table td.answer:contains("Don't know")`).Length(); got != dk {
			t.Errorf("%s: finding says %d Don't know, the annex has %d", name, dk, got)
		}
		na := 0
		if m[3] != "none" {
			na = len(refStart.FindAllString(m[3], -1))
		}
		if na != notAssessed {
			t.Errorf("%s: finding names %d not assessed, the table has %d", name, na, notAssessed)
		}
	} else if total != answered || notAssessed > 0 {
		t.Errorf("%s: data gaps exist but the last finding is %q", name, findings[len(findings)-1])
	}
}

// generateAssessments creates n national assessments of a new organisation
// with answers, targets and priorities drawn from a fixed seed: complete
// and incomplete capabilities, Don't know answers, confirmed phases and
// accepted suggestions, equal and unequal gaps.
func generateAssessments(t *testing.T, ctx context.Context, db *store.Store, fw *framework.Framework, n int) []int64 {
	t.Helper()
	rnd := rand.New(rand.NewSource(14))
	by := assessment.Actor{Name: "generator"}
	org, err := db.CreateOrganisation(ctx, by, assessment.Organisation{Name: "Generated Republic", Kind: assessment.KindCoordinating, Country: "XG"})
	if err != nil {
		t.Fatal(err)
	}
	values := []assessment.AnswerValue{assessment.Yes, assessment.Yes, assessment.Yes, assessment.Partly, assessment.No, assessment.Unknown, assessment.Unanswered}
	var ids []int64
	for i := 0; i < n; i++ {
		in := assessment.AssessmentInput{OrganisationID: org.ID, Title: "Generated", Period: strconv.Itoa(2030 + i)}
		a, err := in.Validate(fw)
		if err != nil {
			t.Fatal(err)
		}
		if a, err = db.CreateAssessment(ctx, by, fw, a); err != nil {
			t.Fatal(err)
		}
		flat := i%3 == 0 // every target one phase above: all gaps equal
		for _, c := range fw.Capabilities() {
			var answers []assessment.Answer
			for _, ind := range c.Indicators {
				v := values[rnd.Intn(len(values))]
				if ind.Phase > 2 && rnd.Intn(2) == 0 {
					v = assessment.No
				}
				answers = append(answers, assessment.Answer{AssessmentID: a.ID, IndicatorKey: ind.Key, CapabilityKey: c.Key, Value: v})
			}
			st := &assessment.CapabilityState{AssessmentID: a.ID, CapabilityKey: c.Key, Priority: demoPriority(rnd.Intn(3))}
			if rnd.Intn(3) > 0 {
				p := rnd.Intn(framework.MaxPhase + 1)
				st.Confirmed = &p
				target := min(p+1+rnd.Intn(3), framework.MaxPhase)
				if flat {
					target = min(p+1, framework.MaxPhase)
				}
				st.Target = &target
			}
			if _, _, err := db.SaveCapabilityForm(ctx, by, answers, st); err != nil {
				t.Fatalf("%s: %v", c.Key, err)
			}
		}
		ids = append(ids, a.ID)
	}
	return ids
}
