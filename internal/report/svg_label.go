package report

import "strings"

// lineH is the line height of wrapped chart labels, in viewBox units.
const lineH = 14.0

// wrapLabel breaks a label at spaces into lines of about width
// characters, at most max lines; the last line ends in "…" when the
// label is longer.
func wrapLabel(s string, width, max int) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(s) {
		switch {
		case cur == "":
			cur = w
		case len([]rune(cur))+1+len([]rune(w)) <= width:
			cur += " " + w
		default:
			lines = append(lines, cur)
			cur = w
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	if len(lines) > max {
		lines = lines[:max]
		lines[max-1] = truncate(lines[max-1]+" …", width+1)
	}
	return lines
}

// isolate wraps a line of chart text in a directional isolate (LRI or
// RLI … PDI), so a label's number and name keep their order in either
// direction and nothing around them reorders them.
func isolate(s string, rtl bool) string {
	if rtl {
		return "\u2067" + s + "\u2069"
	}
	return "\u2066" + s + "\u2069"
}
