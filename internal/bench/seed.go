package bench

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/auth"
	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/store"
)

// target is what the rows drive: the demo coordinator's token and draft
// assessment (its capabilities and indicators), and the partner's token.
type target struct {
	coordinator, partner *pool // fresh API tokens, one per client and row
	assessment           int64
	capability           string
	indicators           []string
}

// seed prepares the demo database (already loaded) through the store: API
// tokens, and the partner data set of orgs organisations with cycles
// approved assessments each, all shared with one partner organisation.
func seed(ctx context.Context, dsn string, orgs, cycles, coordTokens, partnerTokens int) (target, error) {
	var t target
	db, err := store.Open(dsn)
	if err != nil {
		return t, err
	}
	defer db.Close()
	fw, err := framework.Default()
	if err != nil {
		return t, err
	}
	u, err := db.UserByEmail(ctx, "coordinator@demoland.example")
	if err != nil {
		return t, fmt.Errorf("demo coordinator: %w", err)
	}
	if t.coordinator, err = tokens(ctx, db, u.ID, coordTokens); err != nil {
		return t, err
	}
	ms, err := db.Memberships(ctx, u.ID)
	if err != nil || len(ms) == 0 {
		return t, fmt.Errorf("demo coordinator's organisation: %v", err)
	}
	list, err := db.Assessments(ctx, []int64{ms[0].OrganisationID})
	if err != nil {
		return t, err
	}
	for _, a := range list {
		afw, err := framework.Get(a.FrameworkVersion)
		if err != nil || a.Status != assessment.StatusDraft {
			continue
		}
		t.assessment, t.indicators, t.capability = a.ID, nil, ""
		for _, k := range a.Scope {
			cp := afw.Capability(k) // enablers in the scope are not capabilities
			if cp == nil {
				continue
			}
			if t.capability == "" {
				t.capability = k
			}
			for _, in := range cp.Indicators {
				t.indicators = append(t.indicators, in.Key)
			}
		}
	}
	if t.assessment == 0 {
		return t, fmt.Errorf("the demo has no draft assessment to save into")
	}
	partner, err := partnerSet(ctx, db, fw, orgs, cycles)
	if err != nil {
		return t, err
	}
	t.partner, err = tokens(ctx, db, partner, partnerTokens)
	return t, err
}

// partnerSet creates the partner organisation and its analyst, then orgs
// organisations with cycles approved assessments of the whole framework,
// each organisation sharing all of them with the partner.
func partnerSet(ctx context.Context, db *store.Store, fw *framework.Framework, orgs, cycles int) (int64, error) {
	sys := assessment.System
	p, err := db.CreateOrganisation(ctx, sys, assessment.Organisation{Name: "Bench Partner Network", Kind: assessment.KindNGO, Country: "XB"})
	if err != nil {
		return 0, err
	}
	u, err := db.CreateUser(ctx, sys, assessment.User{Email: "bench.partner@example.org", Name: "Bench Partner", PasswordHash: "x"})
	if err != nil {
		return 0, err
	}
	if _, err := db.AddMembership(ctx, sys, assessment.Membership{UserID: u.ID, OrganisationID: p.ID, Role: assessment.RoleViewer}); err != nil {
		return 0, err
	}
	for i := 0; i < orgs; i++ {
		o, err := db.CreateOrganisation(ctx, sys, assessment.Organisation{Name: fmt.Sprintf("Bench Council %03d", i), Kind: assessment.KindCoordinating, Country: "XB"})
		if err != nil {
			return 0, err
		}
		for c := 0; c < cycles; c++ {
			in := assessment.AssessmentInput{OrganisationID: o.ID, Title: "National self-assessment", Period: fmt.Sprint(2020 + c)}
			a, err := in.Validate(fw)
			if err != nil {
				return 0, err
			}
			if a, err = db.CreateAssessment(ctx, sys, fw, a); err != nil {
				return 0, err
			}
			if err := db.SetStatus(ctx, sys, a.ID, assessment.StatusApproved); err != nil {
				return 0, err
			}
		}
		if _, err := db.CreateShare(ctx, sys, o.ID, assessment.ShareInput{PartnerID: p.ID}, assessment.ShareNotices); err != nil {
			return 0, err
		}
	}
	return u.ID, nil
}

// pool hands out API tokens, each to one client of one row, so the
// per-token limits (a minute's window) count each client on its own. A
// client that has used a token for a limit's worth of requests takes a new
// one (rotate), as a script past its budget would use another credential;
// the limits themselves are measured by the suite, not here.
type pool struct {
	mu     sync.Mutex
	tokens []string
	next   int
}

func (p *pool) take() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	t := p.tokens[p.next%len(p.tokens)]
	p.next++
	return t
}

func tokens(ctx context.Context, db *store.Store, userID int64, n int) (*pool, error) {
	p := &pool{}
	for i := 0; i < max(n, 1); i++ {
		tok, hash := auth.NewToken()
		if _, err := db.CreateToken(ctx, assessment.System, assessment.Token{UserID: userID, Name: fmt.Sprintf("bench %d", i), Hash: hash, ExpiresAt: time.Now().Add(24 * time.Hour)}); err != nil {
			return nil, err
		}
		p.tokens = append(p.tokens, tok)
	}
	return p, nil
}
