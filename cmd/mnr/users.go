package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/auth"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// userAdd: mnr user add --email E --name N [--admin], password on stdin.
func (m *Main) userAdd(ctx context.Context, args []string) error {
	fs := m.flags("user add")
	dsn := dbFlag(fs)
	email := fs.String("email", "", "email address (required)")
	name := fs.String("name", "", "display name (required)")
	admin := fs.Bool("admin", false, "make the user a platform administrator")
	lang := fs.String("lang", "en", "preferred language: en, ar, fr or es")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *email == "" || *name == "" {
		return errors.New("--email and --name are required")
	}
	pw, err := bufio.NewReader(m.Stdin).ReadString('\n')
	if err != nil && pw == "" {
		return errors.New("give the password on standard input, e.g. mnr user add ... < password.txt")
	}
	pw = strings.TrimRight(pw, "\r\n")
	if err := auth.CheckPasswordStrength(pw); err != nil {
		return err
	}
	hash, err := auth.HashPassword(pw)
	if err != nil {
		return err
	}
	db, err := m.open(ctx, *dsn)
	if err != nil {
		return err
	}
	u, err := db.CreateUser(ctx, assessment.System, assessment.User{Email: *email, Name: *name, Lang: *lang, PasswordHash: hash, Admin: *admin})
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "user %d added: %s\n", u.ID, u.Email)
	return nil
}

// memberAdd: mnr member add --email E --org ID --role ROLE.
func (m *Main) memberAdd(ctx context.Context, args []string) error {
	fs := m.flags("member add")
	dsn := dbFlag(fs)
	email := fs.String("email", "", "the user's email (required)")
	org := fs.Int64("org", 0, "organisation id (required)")
	role := fs.String("role", "", "owner, coordinator, contributor, reviewer or viewer (required)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if !assessment.Role(*role).Valid() {
		return fmt.Errorf("--role must be one of owner, coordinator, contributor, reviewer, viewer")
	}
	db, err := m.open(ctx, *dsn)
	if err != nil {
		return err
	}
	u, err := db.UserByEmail(ctx, *email)
	if err != nil {
		return fmt.Errorf("user %q: %w", *email, err)
	}
	if _, err := db.AddMembership(ctx, assessment.System, assessment.Membership{UserID: u.ID, OrganisationID: *org, Role: assessment.Role(*role)}); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "%s is now %s of organisation %d\n", u.Email, *role, *org)
	return nil
}

// tokenCreate: mnr token create --email E --name N [--days D]; prints the token once.
func (m *Main) tokenCreate(ctx context.Context, args []string) error {
	fs := m.flags("token create")
	dsn := dbFlag(fs)
	email := fs.String("email", "", "the user's email (required)")
	name := fs.String("name", "", "what the token is for (required)")
	days := fs.Int("days", 90, "days until the token expires")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *name == "" {
		return errors.New("--name is required")
	}
	db, err := m.open(ctx, *dsn)
	if err != nil {
		return err
	}
	u, err := db.UserByEmail(ctx, *email)
	if err != nil {
		return fmt.Errorf("user %q: %w", *email, err)
	}
	tok, err := createToken(ctx, db, u, *name, time.Duration(*days)*24*time.Hour)
	if err != nil {
		return err
	}
	fmt.Fprintln(m.Stdout, tok)
	return nil
}

func createToken(ctx context.Context, db *store.Store, u assessment.User, name string, ttl time.Duration) (string, error) {
	tok, hash := auth.NewToken()
	_, err := db.CreateToken(ctx, assessment.Actor{UserID: u.ID, Name: "system (CLI)"}, assessment.Token{UserID: u.ID, Name: name, Hash: hash, ExpiresAt: time.Now().UTC().Add(ttl)})
	return tok, err
}
