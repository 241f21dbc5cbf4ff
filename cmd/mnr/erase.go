package main

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// userErase erases a person (see store.EraseUser).
func (m *Main) userErase(ctx context.Context, args []string) error {
	fs := m.flags("user erase")
	dsn := dbFlag(fs)
	email := fs.String("email", "", "email of the person to erase (required)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *email == "" {
		return errors.New("mnr user erase: --email is required")
	}
	db, err := m.open(ctx, *dsn)
	if err != nil {
		return err
	}
	u, err := db.UserByEmail(ctx, *email)
	if err != nil {
		return fmt.Errorf("%s: %w", *email, err)
	}
	er, err := db.EraseUser(ctx, assessment.System, u.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "erased: the account is now %q <%s>; %d stored values rewritten; sessions ended, tokens revoked, memberships removed\n",
		er.Pseudonym, er.Email, er.Rows)
	if er.NameKept {
		fmt.Fprintln(m.Stdout, "note: the name was not searched for in free text, because another account has the same name or it is shorter than three letters")
	}
	for _, org := range er.Ownerless {
		fmt.Fprintf(m.Stdout, "warning: organisation %d has no owner now; give one with: mnr member add --org %d --role owner --email …\n", org, org)
	}
	return nil
}

// organisationDelete exports an organisation's data to a file, then
// deletes it.
func (m *Main) organisationDelete(ctx context.Context, args []string) error {
	fs := m.flags("organisation delete")
	dsn := dbFlag(fs)
	id := fs.Int64("id", 0, "organisation id (required)")
	confirm := fs.String("confirm", "", "the organisation's exact name, to confirm (required)")
	export := fs.String("export", "", "file to write the organisation's data to before deleting it (required; must not exist)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *id == 0 || *confirm == "" {
		return errors.New("mnr organisation delete: --id and --confirm NAME are required")
	}
	if *export == "" {
		return errors.New("mnr organisation delete: --export FILE is required: the data is written there before anything is deleted")
	}
	db, err := m.open(ctx, *dsn)
	if err != nil {
		return err
	}
	org, err := db.Organisation(ctx, *id)
	if err != nil {
		return err
	}
	if org.Name != *confirm {
		return fmt.Errorf("--confirm %q is not the name of organisation %d (%q); nothing was deleted", *confirm, *id, org.Name)
	}
	if err := writeOrganisationExport(ctx, db, *id, *export); err != nil {
		return err
	}
	counts, err := db.DeleteOrganisation(ctx, assessment.System, *id, *confirm, *export)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "organisation %d (%s) exported to %s and deleted: %d assessments, %d answers, %d comments, %d contributions, %d shares, %d memberships, %d invitations; its audit trail is kept\n",
		*id, org.Name, *export, counts["assessments"], counts["answers"], counts["comments"], counts["contributions"], counts["shares"], counts["memberships"], counts["invitations"])
	return nil
}

// auditPrune deletes audit events older than a date or an age.
func (m *Main) auditPrune(ctx context.Context, args []string) error {
	fs := m.flags("audit prune")
	dsn := dbFlag(fs)
	before := fs.String("before", "", "delete events before this date (YYYY-MM-DD, UTC)")
	older := fs.String("older-than", "", "delete events older than this age, e.g. 730d or 8760h")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cutoff, err := pruneCutoff(*before, *older, time.Now().UTC())
	if err != nil {
		return err
	}
	db, err := m.open(ctx, *dsn)
	if err != nil {
		return err
	}
	n, err := db.PruneAudit(ctx, assessment.System, cutoff)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "deleted %d audit events from before %s; the pruning itself is recorded\n", n, cutoff.Format(time.RFC3339))
	return nil
}

var days = regexp.MustCompile(`^(\d+)d$`)

// pruneCutoff reads exactly one of --before and --older-than.
func pruneCutoff(before, older string, now time.Time) (time.Time, error) {
	switch {
	case (before == "") == (older == ""):
		return time.Time{}, errors.New("mnr audit prune: give exactly one of --before YYYY-MM-DD and --older-than AGE (e.g. 730d)")
	case before != "":
		t, err := time.Parse("2006-01-02", before)
		if err != nil {
			return t, fmt.Errorf("--before %q: use YYYY-MM-DD", before)
		}
		return t, nil
	}
	if mm := days.FindStringSubmatch(strings.TrimSpace(older)); mm != nil {
		n, _ := strconv.Atoi(mm[1])
		return now.AddDate(0, 0, -n), nil
	}
	d, err := time.ParseDuration(older)
	if err != nil || d <= 0 {
		return time.Time{}, fmt.Errorf("--older-than %q: use days (730d) or hours (8760h)", older)
	}
	return now.Add(-d), nil
}
