package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/auth"
)

// userResetLink: mnr user reset-link -email E [-base-url URL]. The one place
// a password reset link is shown to someone other than its user: the
// server's operator, at the console, for a person who has no mail. The web
// only ever mails links.
func (m *Main) userResetLink(ctx context.Context, args []string) error {
	fs := m.flags("user reset-link")
	dsn := dbFlag(fs)
	email := fs.String("email", "", "the user's email (required)")
	base := fs.String("base-url", os.Getenv("MNR_BASE_URL"), "the public address the link starts with (or MNR_BASE_URL)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *email == "" || *base == "" {
		return errors.New("-email and -base-url (or MNR_BASE_URL) are required")
	}
	db, err := m.open(ctx, *dsn)
	if err != nil {
		return err
	}
	u, err := db.UserByEmail(ctx, *email)
	if err != nil {
		return fmt.Errorf("find %s: %w", *email, err)
	}
	secret := auth.NewSecret(32)
	r, err := db.CreatePasswordReset(ctx, assessment.Actor{Name: "command line"},
		assessment.PasswordReset{UserID: u.ID, Hash: auth.HashToken(secret), ExpiresAt: time.Now().UTC().Add(24 * time.Hour)})
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "%s/password-reset/%s\n(for %s, works once, until %s; any earlier link no longer works)\n",
		strings.TrimRight(*base, "/"), secret, u.Email, r.ExpiresAt.Format(time.RFC3339))
	return nil
}
