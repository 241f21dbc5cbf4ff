package auth

import (
	"encoding/base64"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/crypto/argon2"
)

// New hashes use OWASP's 7 MiB setting; hashes stored with the former
// 19 MiB one still verify.
func TestPasswordParameters(t *testing.T) {
	h, err := HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(h, "$m=7168,t=5,p=1$") {
		t.Errorf("new hash %q: want m=7168,t=5,p=1", h)
	}
	if !VerifyPassword(h, "correct horse battery") || VerifyPassword(h, "correct horse batterY") {
		t.Error("new hash does not verify its password only")
	}
	salt := []byte("0123456789abcdef")
	old := fmt.Sprintf("$argon2id$v=%d$m=%d,t=2,p=1$%s$%s", argon2.Version, 19*1024,
		base64.RawStdEncoding.EncodeToString(salt),
		base64.RawStdEncoding.EncodeToString(argon2.IDKey([]byte("stored before"), salt, 2, 19*1024, 1, 32)))
	if !VerifyPassword(old, "stored before") || VerifyPassword(old, "stored after") {
		t.Error("a hash with the former parameters does not verify its password only")
	}
	BurnTime("anything")
}

// Only hashes with other parameters than today's need a new hash.
func TestNeedsRehash(t *testing.T) {
	h, _ := HashPassword("correct horse battery")
	for enc, want := range map[string]bool{
		h: false,
		"$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$a2V5": true,
		"$argon2id$v=19$m=7168,t=4,p=1$c2FsdA$a2V5":  true,
		"$2a$10$notargon": false,
		"":                false,
	} {
		if got := NeedsRehash(enc); got != want {
			t.Errorf("NeedsRehash(%q) = %v, want %v", enc, got, want)
		}
	}
}
