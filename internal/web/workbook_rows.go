package web

import (
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/workbook"
)

// previewRows puts preview items in the reader's language: the indicator
// or capability by number and short text, each field changed with its
// value in the workbook and online.
func (s *Server) previewRows(c echo.Context, t *wbTarget, items []workbook.Item) []previewRow {
	tr := s.translator(c)
	fw := t.Detail.Framework
	out := make([]previewRow, 0, len(items))
	for _, it := range items {
		r := previewRow{Number: it.Number, Where: tr.T("WbWhere", "Sheet", it.Sheet, "Cell", it.Cell), ChangedBy: it.ChangedBy, ChangedAt: it.ChangedAt}
		if it.Kind == "answer" {
			if ind := fw.Indicator(it.Key); ind != nil {
				r.Text = assessment.ShortText(ind.Text.In(tr.Lang.Code))
			}
		} else if cp := fw.Assessable(it.Key); cp != nil {
			r.Text = tr.T("WbPhasesOf", "Capability", cp.Short.In(tr.Lang.Code))
		}
		for _, f := range it.Fields {
			r.Fields = append(r.Fields, previewField{Name: tr.T("WbField_" + f), Yours: s.fieldValue(c, t, f, it.Yours[f]), Online: s.fieldValue(c, t, f, it.Online[f])})
		}
		out = append(out, r)
	}
	return out
}

// fieldValue shows a stored value: answers, priorities and phases by
// their names, texts as written.
func (s *Server) fieldValue(c echo.Context, t *wbTarget, field, v string) string {
	tr := s.translator(c)
	if v == "" {
		return "–"
	}
	switch field {
	case assessment.FieldAnswer:
		return tr.T("Answer_" + v)
	case assessment.FieldPriority:
		return tr.T("Priority_" + v)
	case assessment.FieldConfirmed, assessment.FieldTarget:
		n, _ := strconv.Atoi(v)
		return v + " · " + t.Detail.Framework.PhaseInfo(n).Name.In(tr.Lang.Code)
	}
	return v
}
