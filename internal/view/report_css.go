package view

import (
	"fmt"
	"strings"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
)

// PrintCSS is the browser print's page furniture for one report, in tr's
// language: the title, marking and (until approval) "DRAFT — not
// approved" in the running header, the marking and "Page x of N" in the
// footer. A stylesheet rather than inline style, because the content
// security policy forbids inline style; the PDF gets the same lines from
// report.DocumentTemplates.
func PrintCSS(tr *i18n.Translator, a *assessment.Assessment) string {
	marking := tr.T("Marking_" + string(a.Marking))
	head := cssString(strings.TrimSpace(a.Title+" "+a.Period)) + ` " · " ` + cssString(marking)
	if a.Status != assessment.StatusApproved {
		head += ` " · " ` + cssString(tr.T("DocDraftMark"))
	}
	before, after, _ := strings.Cut(tr.T("PDFPageOf", "Page", "\x00", "Total", "\x01"), "\x00")
	mid, end, _ := strings.Cut(after, "\x01")
	pageOf := cssString(before) + ` counter(page) ` + cssString(mid) + ` counter(pages) ` + cssString(end)
	start, finish := "left", "right"
	if tr.Dir() == "rtl" {
		start, finish = "right", "left"
	}
	return fmt.Sprintf(`@page {
  size: auto;
  margin: 18mm 15mm 20mm;
  @top-%[1]s { content: %[3]s; font-size: 8pt; color: #333; }
  @bottom-%[1]s { content: %[4]s; font-size: 8pt; font-weight: bold; color: #333; }
  @bottom-%[2]s { content: %[5]s; font-size: 8pt; color: #333; }
}
`, start, finish, head, cssString(marking), pageOf)
}

// cssString quotes s as a CSS string: quotes, backslashes and control
// characters become escapes, so no title can end the string or the rule.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\' || r < 0x20 || r == 0x7f || r == '<' || r == '>':
			fmt.Fprintf(&b, `\%x `, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
