package workbook

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
)

// group is one questionnaire sheet: a domain's capabilities, or the
// enablers.
type group struct {
	key, title   string
	capabilities []*assessment.CapabilityDetail
}

// groups splits the capabilities in scope into one sheet per domain and,
// when the assessment holds enablers (Detail.Enablers), one sheet for them.
func groups(d *assessment.Detail, tr *i18n.Translator) []group {
	var out []group
	var enablers []*assessment.CapabilityDetail
	for _, c := range d.Capabilities {
		if c.Capability.IsEnabler() || c.Capability.Domain == nil {
			enablers = append(enablers, c)
			continue
		}
		dom := c.Capability.Domain
		if len(out) == 0 || out[len(out)-1].key != dom.Key {
			out = append(out, group{key: dom.Key, title: fmt.Sprintf("%d. %s", dom.Number, dom.Name.In(tr.Lang.Code))})
		}
		out[len(out)-1].capabilities = append(out[len(out)-1].capabilities, c)
	}
	enablers = append(enablers, d.Enablers...)
	if len(enablers) > 0 {
		out = append(out, group{key: "enablers", title: tr.T("WbSheetEnablers"), capabilities: enablers})
	}
	return out
}

// sheetName makes a title a valid, unique sheet name: at most 31
// characters, none of : \ / ? * [ ].
func sheetName(title string, taken []sheetRef) string {
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]'`, r) {
			return ' '
		}
		return r
	}, title)
	r := []rune(strings.TrimSpace(clean))
	if len(r) > 28 {
		r = []rune(strings.TrimSpace(string(r[:28])))
	}
	name := string(r)
	for i := 2; ; i++ {
		clash := name == metaSheet
		for _, t := range taken {
			clash = clash || strings.EqualFold(t.Name, name)
		}
		if !clash {
			return name
		}
		name = string(r) + " " + strconv.Itoa(i)
	}
}

// sheet writes one questionnaire sheet: a row per indicator and, for an
// assessment, five rows per capability for its phases.
func (b *builder) sheet(g group) error {
	name := sheetName(g.title, b.meta.Sheets)
	if _, err := b.f.NewSheet(name); err != nil {
		return err
	}
	b.meta.Sheets = append(b.meta.Sheets, sheetRef{Key: g.key, Name: name})
	f, tr := b.f, b.tr
	for col, w := range map[string]float64{"A": 8, "B": 24, "C": 60, "D": 8, "E": 24, "F": 48, "G": 36} {
		_ = f.SetColWidth(name, col, col, w)
	}
	_ = f.SetCellStr(name, "A1", g.title)
	_ = f.SetCellStyle(name, "A1", "A1", b.style.title)
	heads := []string{tr.T("WbColNumber"), tr.T("WbColCapability"), tr.T("WbColIndicator"), tr.T("WbColPhase"),
		tr.T("WbColAnswer"), tr.T("WbColEvidence"), tr.T("WbColNote")}
	for i, h := range heads {
		ref, _ := excelize.CoordinatesToCellName(i+1, 2)
		_ = f.SetCellStr(name, ref, h)
	}
	_ = f.SetCellStyle(name, "A2", "G2", b.style.header)
	_ = f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"})
	dv := map[*choices][]string{}
	row := 3
	lang := tr.Lang.Code
	for _, c := range g.capabilities {
		capName := c.Capability.Label() + ". " + c.Capability.Short.In(lang)
		b.text(name, row, []string{c.Capability.Label(), capName, c.Capability.Name.In(lang), "", "", "", ""}, b.style.capability)
		row++
		for _, ind := range c.Capability.Indicators {
			a := c.Answer(ind.Key)
			b.text(name, row, []string{assessment.IndicatorNumber(ind), capName, ind.Text.In(lang), strconv.Itoa(ind.Phase)}, b.style.text)
			b.input(name, colAnswer, row, b.lists.answers.labelOf(string(a.Value)))
			b.input(name, colEvidence, row, a.Evidence)
			b.input(name, colNote, row, a.Note)
			dv[b.lists.answers] = append(dv[b.lists.answers], colAnswer+strconv.Itoa(row))
			b.meta.Rows = append(b.meta.Rows, rowRef{Kind: kindAnswer, Key: ind.Key, Version: a.Version, Sheet: name, Row: row, Base: a.Fields()})
			row++
		}
		if b.src.Judgements {
			row = b.judgement(name, row, c, capName, dv)
		}
	}
	for list, refs := range dv {
		v := excelize.NewDataValidation(true)
		v.Sqref = strings.Join(refs, " ")
		if err := v.SetDropList(list.labels); err != nil {
			return err
		}
		v.SetError(excelize.DataValidationErrorStyleStop, tr.T("WbListErrorTitle"), tr.T("WbListError"))
		if err := f.AddDataValidation(name, v); err != nil {
			return err
		}
	}
	return b.protect(name)
}

// judgement writes a capability's five phase rows from row on.
func (b *builder) judgement(name string, row int, c *assessment.CapabilityDetail, capName string, dv map[*choices][]string) int {
	tr, st := b.tr, c.State
	b.meta.Rows = append(b.meta.Rows, rowRef{Kind: kindJudgement, Key: c.Capability.Key, Version: st.Version, Sheet: name, Row: row, Base: st.Fields()})
	label := c.Capability.Label()
	items := []struct {
		label, value string
		list         *choices
	}{
		{tr.T("WbConfirmedRow", "Phase", b.lists.phases.labelOf(strconv.Itoa(c.Suggested))), b.lists.phases.labelOf(phase(st.Confirmed)), b.lists.phases},
		{tr.T("CapJustification"), st.Justification, nil},
		{tr.T("CapTarget"), b.lists.phases.labelOf(phase(st.Target)), b.lists.phases},
		{tr.T("CapPriority"), b.lists.priorities.labelOf(string(st.Priority)), b.lists.priorities},
		{tr.T("CapLead"), st.Lead, nil},
	}
	for _, it := range items {
		b.text(name, row, []string{label, capName, it.label, ""}, b.style.capability)
		b.input(name, colAnswer, row, it.value)
		_ = b.f.SetCellStyle(name, colEvidence+strconv.Itoa(row), colNote+strconv.Itoa(row), b.style.text)
		if it.list != nil {
			dv[it.list] = append(dv[it.list], colAnswer+strconv.Itoa(row))
		}
		row++
	}
	return row
}

// text writes locked cells from column A on, each a string.
func (b *builder) text(name string, row int, vals []string, style int) {
	for i, v := range vals {
		ref, _ := excelize.CoordinatesToCellName(i+1, row)
		if v != "" {
			_ = b.f.SetCellStr(name, ref, v)
		}
		_ = b.f.SetCellStyle(name, ref, ref, style)
	}
}

// input writes an unlocked input cell, always as text.
func (b *builder) input(name, col string, row int, v string) {
	ref := col + strconv.Itoa(row)
	if v != "" {
		_ = b.f.SetCellStr(name, ref, v)
	}
	_ = b.f.SetCellStyle(name, ref, ref, b.style.inputText)
}

func phase(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

// writeMeta writes the hidden, protected sheet and its signature.
func (b *builder) writeMeta(key []byte) error {
	if _, err := b.f.NewSheet(metaSheet); err != nil {
		return err
	}
	rows := b.meta.rows()
	rows = append(rows, []string{"signature", sign(key, rows)})
	for i, r := range rows {
		for j, v := range r {
			ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := b.f.SetCellStr(metaSheet, ref, v); err != nil {
				return err
			}
		}
	}
	if err := b.f.ProtectSheet(metaSheet, &excelize.SheetProtectionOptions{}); err != nil {
		return err
	}
	b.f.SetActiveSheet(0)
	return b.f.SetSheetVisible(metaSheet, false, true)
}
