package assessment_test

import (
	"testing"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

func TestContributionTransitions(t *testing.T) {
	cases := []struct {
		from, to assessment.ContributionStatus
		ok       bool
	}{
		{assessment.ContributionInvited, assessment.ContributionInProgress, true},
		{assessment.ContributionInvited, assessment.ContributionSubmitted, true},
		{assessment.ContributionInProgress, assessment.ContributionInProgress, true},
		{assessment.ContributionInProgress, assessment.ContributionSubmitted, true},
		{assessment.ContributionInProgress, assessment.ContributionInvited, false},
		{assessment.ContributionSubmitted, assessment.ContributionInProgress, false},
		{assessment.ContributionSubmitted, assessment.ContributionSubmitted, false},
	}
	for _, tc := range cases {
		err := assessment.CheckContributionTransition(tc.from, tc.to)
		if (err == nil) != tc.ok {
			t.Errorf("%s → %s: err = %v, want ok=%v", tc.from, tc.to, err, tc.ok)
		}
		if err != nil && assessment.ErrorCode(err) != assessment.ECONFLICT {
			t.Errorf("%s → %s: code %s, want conflict", tc.from, tc.to, assessment.ErrorCode(err))
		}
	}
	if err := assessment.CheckSubmit(assessment.ContributionInProgress, 2); assessment.ErrorCode(err) != assessment.ECONFLICT {
		t.Errorf("submitting with unanswered indicators: %v", err)
	}
	if err := assessment.CheckSubmit(assessment.ContributionInProgress, 0); err != nil {
		t.Errorf("complete contribution refused: %v", err)
	}
}

func TestContributionDueDates(t *testing.T) {
	now := time.Date(2026, 5, 10, 15, 30, 0, 0, time.UTC)
	day := func(s string) *time.Time { d, _ := time.Parse(time.DateOnly, s); return &d }
	cases := []struct {
		due              *time.Time
		status           assessment.ContributionStatus
		overdue, dueSoon bool
	}{
		{nil, assessment.ContributionInvited, false, false},
		{day("2026-05-20"), assessment.ContributionInvited, false, false},
		{day("2026-05-13"), assessment.ContributionInProgress, false, true},
		{day("2026-05-14"), assessment.ContributionInProgress, false, false},
		{day("2026-05-10"), assessment.ContributionInProgress, false, true},
		{day("2026-05-09"), assessment.ContributionInProgress, true, true},
		{day("2026-05-09"), assessment.ContributionSubmitted, false, false},
	}
	for _, tc := range cases {
		c := assessment.Contribution{DueDate: tc.due, Status: tc.status}
		if got := c.Overdue(now); got != tc.overdue {
			t.Errorf("due %v %s: overdue = %v", tc.due, tc.status, got)
		}
		if got := c.DueSoon(now); got != tc.dueSoon {
			t.Errorf("due %v %s: due soon = %v", tc.due, tc.status, got)
		}
	}
}

func TestContributionInput(t *testing.T) {
	now := time.Date(2026, 5, 10, 9, 0, 0, 0, time.UTC)
	a := assessment.Assessment{ID: 1, OrganisationID: 1, Scope: []string{"leadership", "law-enforcement", "judiciary-prosecutors"}}
	cases := []struct {
		name  string
		in    assessment.ContributionInput
		field string
	}{
		{"no organisation", assessment.ContributionInput{Capabilities: []string{"leadership"}}, "organisation_id"},
		{"own organisation", assessment.ContributionInput{OrganisationID: 1, Capabilities: []string{"leadership"}}, "organisation_id"},
		{"no capability", assessment.ContributionInput{OrganisationID: 2}, "capabilities"},
		{"out of scope", assessment.ContributionInput{OrganisationID: 2, Capabilities: []string{"hotline"}}, "capabilities"},
		{"bad date", assessment.ContributionInput{OrganisationID: 2, Capabilities: []string{"leadership"}, DueDate: "31/05/2026"}, "due_date"},
		{"past date", assessment.ContributionInput{OrganisationID: 2, Capabilities: []string{"leadership"}, DueDate: "2026-05-09"}, "due_date"},
	}
	for _, tc := range cases {
		_, err := tc.in.Validate(&a, now)
		if de, ok := assessment.AsError(err); !ok || de.Field != tc.field {
			t.Errorf("%s: err = %v, want a field error on %q", tc.name, err, tc.field)
		}
	}
	in := assessment.ContributionInput{OrganisationID: 2, Capabilities: []string{"judiciary-prosecutors", "leadership", "leadership"}, DueDate: "2026-05-10"}
	c, err := in.Validate(&a, now)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Capabilities) != 2 || c.Capabilities[0] != "leadership" || c.Capabilities[1] != "judiciary-prosecutors" {
		t.Errorf("capabilities = %v, want scope order without repeats", c.Capabilities)
	}
	if c.Status != assessment.ContributionInvited || c.DueDate == nil || c.DueDate.Format(time.DateOnly) != "2026-05-10" {
		t.Errorf("contribution = %+v", c)
	}
}
