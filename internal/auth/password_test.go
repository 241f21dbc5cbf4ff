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
