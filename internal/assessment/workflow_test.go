package assessment_test

import (
	"strings"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

func TestTransitionTable(t *testing.T) {
	cases := []struct {
		from   assessment.Status
		action assessment.Action
		to     assessment.Status
		code   string
	}{
		{assessment.StatusDraft, assessment.ActionSubmit, assessment.StatusInReview, ""},
		{assessment.StatusInReview, assessment.ActionApprove, assessment.StatusApproved, ""},
		{assessment.StatusInReview, assessment.ActionReturn, assessment.StatusDraft, ""},
		{assessment.StatusApproved, assessment.ActionReopen, assessment.StatusDraft, ""},
		{assessment.StatusDraft, assessment.ActionApprove, "", assessment.ECONFLICT},
		{assessment.StatusDraft, assessment.ActionReturn, "", assessment.ECONFLICT},
		{assessment.StatusInReview, assessment.ActionSubmit, "", assessment.ECONFLICT},
		{assessment.StatusApproved, assessment.ActionApprove, "", assessment.ECONFLICT},
		{assessment.StatusDraft, assessment.ActionReopen, "", assessment.ECONFLICT},
		{assessment.StatusDraft, "publish", "", assessment.EINVALID},
	}
	for _, tc := range cases {
		tr, err := assessment.NextStatus(tc.from, tc.action)
		if got := assessment.ErrorCode(err); got != tc.code {
			t.Errorf("%s from %s: code %q, want %q (%v)", tc.action, tc.from, got, tc.code, err)
			continue
		}
		if err == nil && tr.To != tc.to {
			t.Errorf("%s from %s → %s, want %s", tc.action, tc.from, tr.To, tc.to)
		}
	}
	_, err := assessment.NextStatus(assessment.StatusDraft, assessment.ActionApprove)
	if !strings.Contains(err.Error(), "it is a draft, and only an assessment that is in review can be approved") {
		t.Errorf("out-of-order message = %q", err)
	}
	if n := len(assessment.Available(assessment.StatusInReview)); n != 2 {
		t.Errorf("steps from in review = %d, want approve and return", n)
	}
}

func TestTransitionInputNeedsItsText(t *testing.T) {
	for action, field := range map[string]string{"return": "comment", "reopen": "reason"} {
		in := assessment.TransitionInput{Action: action, Text: "   "}
		if _, err := in.Validate(); err == nil || err.(*assessment.Error).Field != field {
			t.Errorf("%s without text: %v, want a %s error", action, err, field)
		}
	}
	in := assessment.TransitionInput{Action: " submit ", Text: ""}
	if tr, err := in.Validate(); err != nil || tr.Action != assessment.ActionSubmit {
		t.Errorf("submit: %v %v", tr, err)
	}
	long := assessment.TransitionInput{Action: "return", Text: strings.Repeat("x", assessment.MaxComment+1)}
	if _, err := long.Validate(); assessment.ErrorCode(err) != assessment.EINVALID {
		t.Errorf("over-long comment: %v", err)
	}
}

func TestThreadsGroupReplies(t *testing.T) {
	one, two := int64(1), int64(2)
	list := []assessment.Comment{{ID: 1, Body: "a"}, {ID: 2, Body: "b"}, {ID: 3, ParentID: &one, Body: "a1"}, {ID: 4, ParentID: &two}, {ID: 5, ParentID: &one}}
	th := assessment.Threads(list)
	if len(th) != 2 || len(th[0].Replies) != 2 || th[0].Replies[1].ID != 5 || len(th[1].Replies) != 1 {
		t.Fatalf("threads = %+v", th)
	}
}

func TestCommentInput(t *testing.T) {
	a := &assessment.Assessment{ID: 3, Scope: []string{"leadership"}}
	in := assessment.CommentInput{CapabilityKey: "hotline", Body: "x"}
	if _, err := in.Validate(a); err == nil || err.(*assessment.Error).Field != "capability" {
		t.Errorf("capability outside scope: %v", err)
	}
	in = assessment.CommentInput{CapabilityKey: "leadership", Body: " \n "}
	if _, err := in.Validate(a); err == nil || err.(*assessment.Error).Field != "body" {
		t.Errorf("empty body: %v", err)
	}
	in = assessment.CommentInput{CapabilityKey: "leadership", Body: " Why? ", ParentID: 9}
	c, err := in.Validate(a)
	if err != nil || c.Body != "Why?" || c.ParentID == nil || *c.ParentID != 9 || c.AssessmentID != 3 {
		t.Errorf("comment = %+v %v", c, err)
	}
}
