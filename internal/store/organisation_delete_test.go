package store_test

import (
	"context"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// TestDeleteOrganisation exports an organisation's data, refuses a wrong
// confirmation, then deletes it, leaving other organisations alone and an
// audit record of the deletion.
func TestDeleteOrganisation(t *testing.T) {
	for name, s := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			_, a := setup(t, s)
			_, other := setup(t, s)
			u, err := s.CreateUser(ctx, assessment.System, assessment.User{Email: "m@example.org", Name: "Member", PasswordHash: "x"})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.AddMembership(ctx, assessment.System, assessment.Membership{UserID: u.ID, OrganisationID: a.OrganisationID, Role: assessment.RoleOwner}); err != nil {
				t.Fatal(err)
			}
			if _, err := s.SaveAnswer(ctx, assessment.System, assessment.Answer{AssessmentID: a.ID, IndicatorKey: "leadership-1", Value: assessment.Yes}); err != nil {
				t.Fatal(err)
			}
			if _, err := s.SetAcceptsPartnerRequests(ctx, assessment.System, other.OrganisationID, true); err != nil {
				t.Fatal(err)
			}
			if _, err := s.CreateShare(ctx, assessment.System, a.OrganisationID, assessment.ShareInput{PartnerID: other.OrganisationID}, assessment.ShareNotices); err != nil {
				t.Fatal(err)
			}
			data := exportOrganisation(t, s, a.OrganisationID)
			if len(data["organisations"]) != 1 || len(data["assessments"]) != 1 || len(data["answers"]) == 0 || len(data["memberships"]) != 1 ||
				len(data["shares"]) != 1 || len(data["audit_events"]) == 0 || data["users"][0]["email"] != "m@example.org" {
				t.Fatalf("export: %d orgs, %d assessments, %d answers, %d memberships, %d shares, %d events, users %v", len(data["organisations"]),
					len(data["assessments"]), len(data["answers"]), len(data["memberships"]), len(data["shares"]), len(data["audit_events"]), data["users"])
			}
			if _, ok := data["users"][0]["password_hash"]; ok {
				t.Error("the export holds password hashes")
			}
			if _, err := s.DeleteOrganisation(ctx, assessment.System, a.OrganisationID, "org", "x.json"); assessment.ErrorCode(err) != assessment.EINVALID {
				t.Fatalf("wrong confirmation: %v", err)
			}
			counts, err := s.DeleteOrganisation(ctx, assessment.System, a.OrganisationID, "Org", "x.json")
			if err != nil || counts["assessments"] != 1 || counts["memberships"] != 1 || counts["shares"] != 1 {
				t.Fatalf("delete: %v %v", counts, err)
			}
			if _, err := s.Organisation(ctx, a.OrganisationID); assessment.ErrorCode(err) != assessment.ENOTFOUND {
				t.Errorf("organisation still there: %v", err)
			}
			if _, _, _, _, err := s.AssessmentContent(ctx, a.ID); assessment.ErrorCode(err) != assessment.ENOTFOUND {
				t.Errorf("assessment still there: %v", err)
			}
			if _, _, _, answers, err := s.AssessmentContent(ctx, other.ID); err != nil || len(answers) == 0 {
				t.Errorf("the other organisation's assessment suffered: %v", err)
			}
			if _, err := s.User(ctx, u.ID); err != nil {
				t.Errorf("the member's account went too: %v", err)
			}
			events, _ := s.Audit(ctx, store.AuditFilter{OrganisationID: a.OrganisationID, ActionPrefix: "organisation.delete"})
			if len(events) != 1 {
				t.Errorf("deletion records: %+v", events)
			}
		})
	}
}

// exportOrganisation collects every table of an organisation's export.
func exportOrganisation(t *testing.T, s *store.Store, id int64) map[string][]map[string]any {
	t.Helper()
	out := map[string][]map[string]any{}
	for _, table := range store.OrganisationExportTables() {
		out[table] = []map[string]any{}
		err := s.EachOrganisationRow(context.Background(), id, table, func(row map[string]any) error {
			out[table] = append(out[table], row)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}
