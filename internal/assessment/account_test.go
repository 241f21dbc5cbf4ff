package assessment_test

import (
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

func TestNormaliseEmail(t *testing.T) {
	for in, want := range map[string]string{" Ana@Example.ORG ": "ana@example.org", "a.b+c@mail.example.org": "a.b+c@mail.example.org"} {
		if got, err := assessment.NormaliseEmail(in); err != nil || got != want {
			t.Errorf("%q: %q %v", in, got, err)
		}
	}
	for _, bad := range []string{"", "ana", "ana@localhost", "Ana <ana@example.org>", "ana@example.org\r\nBcc: x@example.org", "a@b@example.org", "ana@example.org, bob@example.org"} {
		if _, err := assessment.NormaliseEmail(bad); assessment.ErrorCode(err) != assessment.EINVALID {
			t.Errorf("%q: want invalid, got %v", bad, err)
		}
	}
}

func TestProfileAndInvitationInput(t *testing.T) {
	p := assessment.ProfileInput{Name: "  Amal  ", Lang: "ar"}
	if err := p.Validate(); err != nil || p.Name != "Amal" {
		t.Errorf("valid profile: %v %q", err, p.Name)
	}
	for _, bad := range []assessment.ProfileInput{{Name: "", Lang: "en"}, {Name: "A", Lang: "de"}} {
		if err := bad.Validate(); assessment.ErrorCode(err) != assessment.EINVALID {
			t.Errorf("%+v: %v", bad, err)
		}
	}
	in := assessment.InvitationInput{Email: "New@Example.org", Role: "reviewer"}
	if err := in.Validate(); err != nil || in.Email != "new@example.org" {
		t.Errorf("valid invitation: %v %q", err, in.Email)
	}
	if err := (&assessment.InvitationInput{Email: "new@example.org", Role: "admin"}).Validate(); assessment.ErrorCode(err) != assessment.EINVALID {
		t.Errorf("unknown role accepted: %v", err)
	}
}
