package workbook

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// cellError names the sheet and the cell of a problem, and the field the
// cell holds (a Term translated on pages by fieldID).
func cellError(sheet, cell, fieldID string, err error) error {
	reason, ok := assessment.AsError(err)
	if !ok {
		return err
	}
	english, ok := fieldNames[fieldID]
	if !ok {
		english = strings.TrimPrefix(fieldID, "WbField_")
	}
	e := assessment.Errorf(assessment.EINVALID, "Sheet “%s”, cell %s (%s): %s", sheet, cell,
		assessment.Term{ID: fieldID, English: english}, assessment.Reason{Err: reason})
	e.Field = "file"
	return e
}

// fieldNames are the English names of the cells' fields, for the API.
var fieldNames = map[string]string{
	"WbFieldNumber": "number", "WbField_answer": "answer", "WbField_evidence": "evidence", "WbField_note": "note",
	"WbField_confirmed_phase": "confirmed phase", "WbField_justification": "justification", "WbField_target_phase": "target phase",
	"WbField_priority": "priority", "WbField_lead": "lead",
}

func notAChoice(sheet, col string, row int, got, fieldID string) error {
	return cellError(sheet, col+strconv.Itoa(row), fieldID,
		assessment.Errorf(assessment.EINVALID, "“%s” is not one of the choices of the drop-down list; choose one from the list or leave the cell empty", Phrase(got)))
}

// limits are the text rules of the app's own forms (assessment.AnswerInput
// and CapabilityInput), applied to the cells before anything is compared.
var limits = map[string]struct {
	max       int
	multiLine bool
}{
	assessment.FieldEvidence: {assessment.MaxEvidence, true}, assessment.FieldNote: {assessment.MaxNote, true},
	assessment.FieldJustification: {assessment.MaxJustification, true}, assessment.FieldLead: {assessment.MaxLead, false},
}

func checkText(field, s string) error {
	l := limits[field]
	check := assessment.CheckText
	if !l.multiLine {
		check = assessment.CheckLine
	}
	if err := check(field, s); err != nil {
		return err
	}
	if n := utf8.RuneCountInString(s); n > l.max {
		return assessment.FieldError(field, "is %d characters long; the limit is %d", n, l.max)
	}
	return nil
}
