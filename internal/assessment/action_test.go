package assessment

import (
	"testing"
	"time"
)

func TestParseAmount(t *testing.T) {
	for in, want := range map[string]int64{"250000": 25000000, "1250.5": 125050, "1250.50": 125050, "0": 0, " 7.05 ": 705} {
		got, err := ParseAmount("budget_amount", in)
		if err != nil || got == nil || *got != want {
			t.Errorf("%q → %v %v, want %d", in, got, err, want)
		}
		if FormatAmount(want) != map[int64]string{25000000: "250000", 125050: "1250.50", 0: "0", 705: "7.05"}[want] {
			t.Errorf("format %d = %q", want, FormatAmount(want))
		}
	}
	for _, in := range []string{"-5", "1,000", "12.345", "a lot", ".5", "1e6", "10000000000000"} {
		if _, err := ParseAmount("budget_amount", in); err == nil || err.(*Error).Field != "budget_amount" {
			t.Errorf("%q accepted (%v)", in, err)
		}
	}
	if got, err := ParseAmount("budget_amount", ""); got != nil || err != nil {
		t.Errorf("empty amount: %v %v", got, err)
	}
}

func TestCurrencies(t *testing.T) {
	for _, c := range []string{"USD", "EUR", "JOD", "XOF", "CHF"} {
		if !ValidCurrency(c) {
			t.Errorf("%s refused", c)
		}
	}
	for _, c := range []string{"usd", "XYZ", "EURO", "", "XAU", "XTS"} {
		if ValidCurrency(c) {
			t.Errorf("%q accepted", c)
		}
	}
}

// The approval rule: after approval only the status and its note change.
func TestCheckActionChange(t *testing.T) {
	due := time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)
	cur := PlanAction{ID: 1, CapabilityKey: "leadership", Title: "Adopt", DueDate: &due, Funding: FundingDonor, Status: ActionPlanned}
	status := cur
	status.Status, status.StatusNote = ActionDone, "Adopted."
	content := cur
	content.Title = "Adopt and fund"
	later := due.AddDate(0, 1, 0)
	moved := cur
	moved.DueDate = &later
	for _, c := range []struct {
		name string
		st   Status
		next PlanAction
		code string
	}{
		{"status in draft", StatusDraft, status, ""},
		{"content in draft", StatusDraft, content, ""},
		{"status after approval", StatusApproved, status, ""},
		{"title after approval", StatusApproved, content, ECONFLICT},
		{"due date after approval", StatusApproved, moved, ECONFLICT},
	} {
		if got := ErrorCode(CheckActionChange(c.st, cur, c.next)); got != c.code {
			t.Errorf("%s: %q, want %q", c.name, got, c.code)
		}
	}
	id := int64(9)
	cont := cur
	cont.CarriedToID = &id
	if ErrorCode(CheckActionChange(StatusDraft, cont, status)) != ECONFLICT || ErrorCode(CheckPlanOpen(StatusApproved, nil)) != ECONFLICT {
		t.Error("continued action or approved plan accepted a change")
	}
	if !cur.Overdue(due.AddDate(0, 0, 1)) || cur.Overdue(due) || status.Overdue(due.AddDate(1, 0, 0)) {
		t.Error("overdue rule")
	}
}
