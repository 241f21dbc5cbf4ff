// Package auth holds password hashing, API token generation and the
// server-side session store. It knows nothing of HTTP routing.
package auth

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"crypto/subtle"
	_ "embed"
	"encoding/base64"
	"fmt"
	"runtime"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// MinPasswordLength is the shortest password accepted, in characters.
const MinPasswordLength = 12

// Argon2id parameters for new hashes: OWASP's m=7 MiB, t=5, p=1, one of
// the five settings its Password Storage Cheat Sheet gives as equally
// strong (19 MiB with t=2, which this program used before, is another):
// the same work is done in more passes over less memory, so a sign-in
// holds 7 MiB instead of 19 MiB, which is most of a small server's spare
// memory at the moment it signs someone in. Hashes stored with the former
// parameters carry them and verify as before.
var params = struct {
	time, memory uint32
	threads      uint8
	keyLen       uint32
}{time: 5, memory: 7 * 1024, threads: 1, keyLen: 32}

//go:embed common-passwords.txt
var commonList []byte

var common = func() map[string]bool {
	m := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(commonList))
	for sc.Scan() {
		if w := strings.TrimSpace(sc.Text()); w != "" && !strings.HasPrefix(w, "#") {
			m[strings.ToLower(w)] = true
		}
	}
	return m
}()

// CheckPasswordStrength rejects short and commonly used passwords.
func CheckPasswordStrength(pw string) error {
	if utf8.RuneCountInString(pw) < MinPasswordLength {
		return assessment.FieldError("password", "must have at least %d characters", MinPasswordLength)
	}
	if common[strings.ToLower(pw)] {
		return assessment.FieldError("password", "is on a list of commonly used passwords; choose another")
	}
	return nil
}

// HashPassword returns an encoded argon2id hash with its parameters and salt.
func HashPassword(pw string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("salt: %w", err)
	}
	key := idKey([]byte(pw), salt, params.time, params.memory, params.threads, params.keyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, params.memory, params.time, params.threads,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key)), nil
}

// VerifyPassword compares pw with an encoded hash in constant time.
func VerifyPassword(encoded, pw string) bool {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil {
		return false
	}
	salt, err := base64.RawStdEncoding.DecodeString(parts[4])
	if err != nil {
		return false
	}
	want, err := base64.RawStdEncoding.DecodeString(parts[5])
	if err != nil {
		return false
	}
	if m > maxMemoryKiB {
		return false // a hash this program never wrote
	}
	got := idKey([]byte(pw), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// BurnTime does the work of one verification with today's parameters, so
// a sign-in for an unknown email takes as long as a real one and timing
// does not reveal which emails have accounts. (No hash is made for it at
// start: every command of the binary would pay for one.)
func BurnTime(pw string) {
	idKey([]byte(pw), burnSalt[:], params.time, params.memory, params.threads, params.keyLen)
}

var burnSalt = [16]byte{'m', 'n', 'r', '-', 'b', 'u', 'r', 'n'}

// hashSlots bounds the argon2id computations running at once: each holds
// its memory parameter (7 MiB, 19 MiB for older hashes) for its duration,
// so fifty sign-ins at once would otherwise take hundreds of megabytes. The others wait their turn, which the
// sign-in's rate limits already make rare.
var hashSlots = make(chan struct{}, max(2, runtime.GOMAXPROCS(0)))

// maxMemoryKiB refuses stored hashes asking for more memory than any this
// program wrote (four times the largest parameter it used, 19 MiB).
const maxMemoryKiB = 4 * 19 * 1024

func idKey(pw, salt []byte, t, m uint32, p uint8, n uint32) []byte {
	hashSlots <- struct{}{}
	defer func() { <-hashSlots }()
	return argon2.IDKey(pw, salt, t, m, p, n)
}

// NeedsRehash reports whether an encoded hash was made with other
// parameters than today's (the 19 MiB hashes of earlier versions), so a
// sign-in that has just proved the password can store it again with
// today's, and verifying it costs what a new one costs.
func NeedsRehash(encoded string) bool {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false // not a hash this program can verify; nothing to upgrade
	}
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil {
		return false
	}
	return m != params.memory || t != params.time || p != params.threads
}
