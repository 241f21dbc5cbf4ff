package workbook

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
)

// Parsed is a workbook read back: what it is for, and each input as the
// people filling it left it, beside the values it was downloaded with.
type Parsed struct {
	Target    Target
	Framework string
	Lang      string
	Entries   []Entry
}

// Entry is one indicator's answer, or one capability's phases, from the
// workbook.
type Entry struct {
	Kind    string // "answer" or "judgement"
	Key     string // indicator or capability key
	Version int    // the stored version when downloaded
	Base    assessment.Fields
	Mine    assessment.Fields
	Sheet   string
	Cell    string // the first input cell, for messages
}

// Parse reads a workbook written by Write with the same key. Every input
// cell is checked (drop-down values, text rules, lengths); the first
// problem is returned as an error naming the sheet and the cell.
func Parse(data []byte, key []byte) (*Parsed, error) {
	x, err := open(data)
	if err != nil {
		return nil, err
	}
	defer x.Close()
	if idx, err := x.GetSheetIndex(metaSheet); err != nil || idx < 0 {
		return nil, assessment.FieldError("file", "The file has no hidden sheet with the keys of the questionnaire: it is not a workbook downloaded from this application, or that sheet was deleted.")
	}
	rows, err := x.GetRows(metaSheet)
	if err != nil {
		return nil, tampered()
	}
	m, err := readMeta(key, rows)
	if err != nil {
		return nil, err
	}
	fw, err := framework.Get(m.Framework)
	if err != nil {
		return nil, tampered()
	}
	for _, s := range m.Sheets {
		if idx, err := x.GetSheetIndex(s.Name); err != nil || idx < 0 {
			return nil, assessment.FieldError("file", "The sheet “%s” is missing: it was renamed or deleted. Put it back as it was, or download a new workbook.", s.Name)
		}
	}
	r := reader{x: x, fw: fw, lists: newLists(i18n.Default().For(m.Lang), fw), cache: map[string][][]string{}}
	p := &Parsed{Target: m.Target, Framework: m.Framework, Lang: m.Lang}
	for _, ref := range m.Rows {
		e, err := r.entry(ref)
		if err != nil {
			return nil, err
		}
		p.Entries = append(p.Entries, e)
	}
	return p, nil
}

// reader reads the input cells of one workbook.
type reader struct {
	x     *excelize.File
	fw    *framework.Framework
	lists lists
	cache map[string][][]string // sheet → rows
}

func (r *reader) value(sheet, col string, row int) string {
	rows, ok := r.cache[sheet]
	if !ok {
		rows, _ = r.x.GetRows(sheet, excelize.Options{RawCellValue: true})
		r.cache[sheet] = rows
	}
	c, _ := excelize.ColumnNameToNumber(col)
	if row-1 < len(rows) && c-1 < len(rows[row-1]) {
		return rows[row-1][c-1]
	}
	return ""
}

// entry reads and checks the inputs of one indicator or one capability.
func (r *reader) entry(ref rowRef) (Entry, error) {
	e := Entry{Kind: ref.Kind, Key: ref.Key, Version: ref.Version, Base: ref.Base, Sheet: ref.Sheet, Cell: colAnswer + strconv.Itoa(ref.Row), Mine: assessment.Fields{}}
	if ref.Kind == kindAnswer {
		return e, r.answer(ref, &e)
	}
	return e, r.judgement(ref, &e)
}

func (r *reader) answer(ref rowRef, e *Entry) error {
	ind := r.fw.Indicator(ref.Key)
	if ind == nil {
		return tampered()
	}
	if got, want := strings.TrimSpace(r.value(ref.Sheet, colNumber, ref.Row)), assessment.IndicatorNumber(ind); got != want {
		return cellError(ref.Sheet, colNumber+strconv.Itoa(ref.Row), "WbFieldNumber",
			assessment.Errorf(assessment.EINVALID, "should hold indicator %s: rows were moved, added or deleted; undo that, or download a new workbook", want))
	}
	v, ok := r.lists.answers.read(r.value(ref.Sheet, colAnswer, ref.Row))
	if !ok {
		return notAChoice(ref.Sheet, colAnswer, ref.Row, r.value(ref.Sheet, colAnswer, ref.Row), "WbField_answer")
	}
	e.Mine[assessment.FieldAnswer] = v
	for _, f := range []struct{ col, field string }{{colEvidence, assessment.FieldEvidence}, {colNote, assessment.FieldNote}} {
		s := assessment.NormalizeField(f.field, r.value(ref.Sheet, f.col, ref.Row))
		if err := checkText(f.field, s); err != nil {
			return cellError(ref.Sheet, f.col+strconv.Itoa(ref.Row), "WbField_"+f.field, err)
		}
		e.Mine[f.field] = s
	}
	e.Mine[assessment.FieldLinks] = ref.Base[assessment.FieldLinks] // links are not in the workbook
	if v == string(assessment.NA) && e.Mine[assessment.FieldNote] == "" {
		return cellError(ref.Sheet, colNote+strconv.Itoa(ref.Row), "WbField_note",
			assessment.Errorf(assessment.EINVALID, "a Not applicable answer needs a reason: say in the note why the indicator does not apply"))
	}
	return nil
}

func (r *reader) judgement(ref rowRef, e *Entry) error {
	c := r.fw.Assessable(ref.Key)
	if c == nil {
		return tampered()
	}
	if got := strings.TrimSpace(r.value(ref.Sheet, colNumber, ref.Row)); got != c.Label() {
		return cellError(ref.Sheet, colNumber+strconv.Itoa(ref.Row), "WbFieldNumber",
			assessment.Errorf(assessment.EINVALID, "should hold capability %s: rows were moved, added or deleted; undo that, or download a new workbook", c.Label()))
	}
	fields := []struct {
		name string
		list *choices
	}{{assessment.FieldConfirmed, r.lists.phases}, {assessment.FieldJustification, nil}, {assessment.FieldTarget, r.lists.phases},
		{assessment.FieldPriority, r.lists.priorities}, {assessment.FieldLead, nil}}
	for i, f := range fields {
		row := ref.Row + i
		raw := r.value(ref.Sheet, colAnswer, row)
		if f.list != nil {
			v, ok := f.list.read(raw)
			if !ok {
				return notAChoice(ref.Sheet, colAnswer, row, raw, "WbField_"+f.name)
			}
			e.Mine[f.name] = v
			continue
		}
		s := assessment.NormalizeField(f.name, raw)
		if err := checkText(f.name, s); err != nil {
			return cellError(ref.Sheet, colAnswer+strconv.Itoa(row), "WbField_"+f.name, err)
		}
		e.Mine[f.name] = s
	}
	return nil
}
