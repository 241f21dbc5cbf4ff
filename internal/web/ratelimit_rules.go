package web

import "time"

// Every rate limit of the application, in one place: how many hits per
// subject (an address, an account, or both) in which window. The counters
// live in the database (store.CountHits), so every instance shares them;
// the API's per-request limits are counted in each instance and added to
// them in batches (store.CountHitsBatched).
// Limits on guessing (sign-in, one-time links, tokens) count an attempt
// before it is checked and refund it when it succeeds: they count failures,
// yet parallel guesses cannot slip past them.
var (
	// Sign-in, and the current password on the password form. Per account
	// and address pair: five wrong passwords slow whoever typed them, not
	// the account's owner signing in from elsewhere. Per address, a
	// generous limit: a ministry behind one address is many people.
	limitSignInPair    = rateRule{"signin.pair", 5, 15 * time.Minute, false}
	limitSignInAddress = rateRule{"signin.address", 100, 15 * time.Minute, false}

	// Creating invitations, reset links and API tokens: every request
	// counts, per address and per acting (or, for reset requests, named)
	// account.
	limitsInvite = rulePair{rateRule{"invite.address", 30, time.Hour, false}, rateRule{"invite.account", 20, time.Hour, false}}
	limitsReset  = rulePair{rateRule{"reset.address", 10, time.Hour, false}, rateRule{"reset.account", 5, time.Hour, false}}
	limitsToken  = rulePair{rateRule{"token.address", 20, time.Hour, false}, rateRule{"token.account", 10, time.Hour, false}}

	// One-time link pages: unknown links per address (a known link's view
	// is refunded); submissions per address and per invited or resetting
	// email.
	limitLinkGuess = rateRule{"link.address", 30, 15 * time.Minute, false}
	limitsLinkUse  = rulePair{rateRule{"link.use.address", 30, 15 * time.Minute, false}, rateRule{"link.use.account", 10, 15 * time.Minute, false}}

	// The API, per token and per address, reads (GET, HEAD) and writes
	// apart: generous for scripts (a whole assessment imported in a minute),
	// finite for a loop gone wrong. Unknown tokens per address, refunded
	// when the token is good.
	// Every API request passes these, so they are counted in each instance
	// and written in batches (store.CountHitsBatched).
	limitsAPIRead    = rulePair{rateRule{"api.read.address", 2400, time.Minute, true}, rateRule{"api.read.token", 1200, time.Minute, true}}
	limitsAPIWrite   = rulePair{rateRule{"api.write.address", 1200, time.Minute, true}, rateRule{"api.write.token", 600, time.Minute, true}}
	limitAPIBadToken = rateRule{"api.badtoken.address", 20, 15 * time.Minute, false}
)

// rateRuleSweep is how often expired counters are deleted.
const rateRuleSweep = time.Minute
