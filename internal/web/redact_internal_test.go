package web

import "testing"

func TestRedactURIHidesOneTimeLinkSecrets(t *testing.T) {
	for in, want := range map[string]string{
		"/invitations/abcDEF_123-x":               "/invitations/[redacted]",
		"/password-reset/abcDEF_123-x?x=1":        "/password-reset/[redacted]?x=1",
		"/login?next=%2Finvitations%2FabcDEF_123": "/login?next=%2Finvitations%2F[redacted]",
		"/password-reset":                         "/password-reset",
		"/organisations/4/invitations/12/revoke":  "/organisations/4/invitations/[redacted]/revoke",
		"/assessments/1/capabilities/leadership":  "/assessments/1/capabilities/leadership",
	} {
		if got := redactURI(in); got != want {
			t.Errorf("redactURI(%q) = %q, want %q", in, got, want)
		}
	}
}
