package workbook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// meta is the hidden sheet: what the workbook holds, where each input sits
// and the values and versions it was written from, signed so that an edit
// is noticed. The base values let an import tell what the people filling
// it changed from what others changed online meanwhile.
type meta struct {
	Target    Target
	Framework string
	Lang      string
	Sheets    []sheetRef
	Rows      []rowRef
}

// sheetRef names a questionnaire sheet: a domain's key, or "enablers".
type sheetRef struct{ Key, Name string }

// rowRef is one indicator (Kind "answer") or one capability's phases (Kind
// "judgement", five rows from Row) on a sheet.
type rowRef struct {
	Kind    string
	Key     string
	Version int
	Sheet   string
	Row     int
	Base    assessment.Fields
}

const (
	kindAnswer    = "answer"
	kindJudgement = "judgement"
)

// fieldsOf lists the fields a row kind carries, in the hidden sheet's order.
func fieldsOf(kind string) []string {
	if kind == kindJudgement {
		return assessment.JudgementFields
	}
	return assessment.AnswerFields
}

// rows lays the meta out as the hidden sheet's rows, without the signature.
func (m meta) rows() [][]string {
	out := [][]string{
		{"format", Format},
		{"target", strconv.FormatInt(m.Target.AssessmentID, 10), strconv.FormatInt(m.Target.ContributionID, 10)},
		{"framework", m.Framework},
		{"lang", m.Lang},
	}
	for _, s := range m.Sheets {
		out = append(out, []string{"sheet", s.Key, s.Name})
	}
	for _, r := range m.Rows {
		row := []string{r.Kind, r.Key, strconv.Itoa(r.Version), r.Sheet, strconv.Itoa(r.Row)}
		for _, f := range fieldsOf(r.Kind) {
			row = append(row, r.Base[f])
		}
		out = append(out, row)
	}
	return out
}

// sign is the HMAC-SHA256 of the rows under the server's key. Trailing
// empty cells are left out, as a spreadsheet reading them back drops them.
func sign(key []byte, rows [][]string) string {
	mac := hmac.New(sha256.New, key)
	for _, r := range rows {
		n := len(r)
		for n > 0 && r[n-1] == "" {
			n--
		}
		mac.Write([]byte(strings.Join(r[:n], "\x1f")))
		mac.Write([]byte{0x1e})
	}
	return hex.EncodeToString(mac.Sum(nil))
}

// readMeta checks the signature of the hidden sheet's rows and reads them.
func readMeta(key []byte, rows [][]string) (meta, error) {
	var m meta
	if len(rows) < 5 || cell(rows[0], 0) != "format" {
		return m, tampered()
	}
	if cell(rows[0], 1) != Format {
		return m, assessment.FieldError("file", "This workbook was made by another version of the application (%s). Download a new workbook.", Phrase(cell(rows[0], 1)))
	}
	last := rows[len(rows)-1]
	if cell(last, 0) != "signature" || !hmac.Equal([]byte(cell(last, 1)), []byte(sign(key, rows[:len(rows)-1]))) {
		return m, tampered()
	}
	for _, r := range rows[:len(rows)-1] {
		switch cell(r, 0) {
		case "target":
			m.Target.AssessmentID, _ = strconv.ParseInt(cell(r, 1), 10, 64)
			m.Target.ContributionID, _ = strconv.ParseInt(cell(r, 2), 10, 64)
		case "framework":
			m.Framework = cell(r, 1)
		case "lang":
			m.Lang = cell(r, 1)
		case "sheet":
			m.Sheets = append(m.Sheets, sheetRef{Key: cell(r, 1), Name: cell(r, 2)})
		case kindAnswer, kindJudgement:
			ref := rowRef{Kind: cell(r, 0), Key: cell(r, 1), Sheet: cell(r, 3), Base: assessment.Fields{}}
			ref.Version, _ = strconv.Atoi(cell(r, 2))
			ref.Row, _ = strconv.Atoi(cell(r, 4))
			for i, f := range fieldsOf(ref.Kind) {
				ref.Base[f] = cell(r, 5+i)
			}
			m.Rows = append(m.Rows, ref)
		}
	}
	return m, nil
}

func cell(r []string, i int) string {
	if i < len(r) {
		return r[i]
	}
	return ""
}

// Phrase is text from the file shown in a message, cut to a readable length.
func Phrase(s string) string { return assessment.ShortText(s) }

func tampered() error {
	return assessment.FieldError("file", "The hidden sheet of this workbook was changed after it was downloaded, so it cannot be trusted. Download a new workbook and copy your answers into it.")
}
