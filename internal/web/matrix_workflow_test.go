package web_test

import (
	"context"
	"fmt"
	"net/url"
	"sync/atomic"
	"testing"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
)

// Fixture values for the authorization matrix's workflow and partner
// routes. Each call makes a fresh object, so one caller resolving a comment
// or revoking a share never changes what the next caller meets.

var partnerSeq atomic.Int64

// commentOf adds an open comment (by the system, so no caller is its
// author) to the own or the other organisation's assessment.
func (m *matrix) commentOf(t testing.TB, own bool) int64 {
	t.Helper()
	a := m.assess
	if !own {
		a = m.otherAssess
	}
	c, err := m.db.AddComment(context.Background(), assessment.System, assessment.Comment{AssessmentID: a.ID, CapabilityKey: "leadership", Body: "matrix"})
	if err != nil {
		t.Fatal(err)
	}
	return c.ID
}

// shareOf shares the own or the other organisation's approved assessments
// with a new partner organisation.
func (m *matrix) shareOf(t testing.TB, own bool) int64 {
	t.Helper()
	ctx := context.Background()
	p, err := m.db.CreateOrganisation(ctx, assessment.System, assessment.Organisation{Name: fmt.Sprintf("Matrix partner %d", partnerSeq.Add(1)), Kind: assessment.KindNGO, Country: "CH"})
	if err != nil {
		t.Fatal(err)
	}
	sh, err := m.db.CreateShare(ctx, assessment.System, m.orgID(own), assessment.ShareInput{PartnerID: p.ID}, assessment.ShareNotices)
	if err != nil {
		t.Fatal(err)
	}
	return sh.ID
}

// partnerName is the organisation a share form names: the other one.
func (m *matrix) partnerName(own bool) string {
	if own {
		return m.other.Name
	}
	return m.org.Name
}

// partnerView: any member of an organisation may open the partner view
// (it lists what is shared with their organisations, possibly nothing);
// an administrator who belongs to none is refused.
func partnerView(r rel) int {
	switch {
	case r.anon:
		return needSignIn
	case r.admin:
		return 403
	}
	return 200
}

var commentForm = func(*matrix, rel) url.Values {
	return url.Values{"capability": {"leadership"}, "body": {"A review remark"}, "return_to": {"capability"}}
}
