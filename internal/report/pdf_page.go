package report

import (
	"html"
	"strings"

	"github.com/mnr-self-assessment/mnr/internal/i18n"
)

// Markers stand for Chromium's page counters in the translated footer; they
// pass through the message template and HTML escaping unchanged.
const (
	pageMark  = "MNRPAGENUMBER"
	totalMark = "MNRTOTALPAGES"
)

// PageTemplates are the running header and footer of a printed document in
// lang, laid out in its direction: the header shows the document's title,
// the footer "Page 1 of N" (message PDFPageOf in pdf.<lang>.json). Chromium
// fills the elements of class title, pageNumber and totalPages; its
// default font size there is 0, so the templates set one. The title is
// isolated, so bidirectional controls in a title stay inside it.
func PageTemplates(lang string) (header, footer string) {
	tr := i18n.Default().For(lang)
	pageOf := html.EscapeString(tr.T("PDFPageOf", "Page", pageMark, "Total", totalMark))
	pageOf = strings.NewReplacer(pageMark, `<span class="pageNumber"></span>`, totalMark, `<span class="totalPages"></span>`).Replace(pageOf)
	open := `<div lang="` + tr.Lang.Code + `" dir="` + tr.Dir() + `" style="font-size:8px;width:100%;padding:0 1cm;font-family:sans-serif;`
	header = open + `text-align:start;"><span class="title" style="unicode-bidi:isolate;"></span></div>`
	footer = open + `text-align:end;">` + pageOf + `</div>`
	return header, footer
}

// DocumentTemplates are the running header and footer of a printed report:
// the title and the confidentiality marking in the header, with "DRAFT —
// not approved" while the report is not approved; the marking and "Page 1
// of N" in the footer, all in the report's language.
func DocumentTemplates(r *Report) (header, footer string) {
	tr := i18n.Default().For(r.Lang)
	pageOf := html.EscapeString(tr.T("PDFPageOf", "Page", pageMark, "Total", totalMark))
	pageOf = strings.NewReplacer(pageMark, `<span class="pageNumber"></span>`, totalMark, `<span class="totalPages"></span>`).Replace(pageOf)
	marking := `<span style="unicode-bidi:isolate;font-weight:bold;">` + html.EscapeString(r.Cover.MarkingLabel) + `</span>`
	draft := ""
	if r.Cover.Draft {
		draft = ` · <span style="unicode-bidi:isolate;font-weight:bold;">` + html.EscapeString(tr.T("DocDraftMark")) + `</span>`
	}
	open := `<div lang="` + tr.Lang.Code + `" dir="` + tr.Dir() + `" style="font-size:8px;width:100%;padding:0 1cm;font-family:sans-serif;display:flex;justify-content:space-between;">`
	header = open + `<span class="title" style="unicode-bidi:isolate;"></span><span>` + marking + draft + `</span></div>`
	footer = open + `<span>` + marking + `</span><span>` + pageOf + `</span></div>`
	return header, footer
}
