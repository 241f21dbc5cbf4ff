package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
)

// TokenPrefix marks our tokens so secret scanners can recognise them.
const TokenPrefix = "mnr_"

// NewSecret returns a random URL-safe secret of n bytes of entropy.
func NewSecret(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic("crypto/rand failed: " + err.Error())
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// NewToken returns a new API token and the hash to store.
func NewToken() (token, hash string) {
	token = TokenPrefix + NewSecret(32)
	return token, HashToken(token)
}

// HashToken is the stored form of a token or one-time link secret: SHA-256
// suffices because the secrets are long and random, not human passwords.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(strings.TrimSpace(token)))
	return hex.EncodeToString(sum[:])
}
