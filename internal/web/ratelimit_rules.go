package web

import "time"

// Every rate limit of the application, in one place: how many hits per
// subject (an address, an account, or both) in which window. The counters
// live in the database (store.CountHits), so every instance shares them.
// Limits on guessing (sign-in, one-time links, tokens) count an attempt
// before it is checked and refund it when it succeeds: they count failures,
// yet parallel guesses cannot slip past them.
var (
	// Sign-in, and the current password on the password form. Per account
	// and address pair: five wrong passwords slow whoever typed them, not
	// the account's owner signing in from elsewhere. Per address, a
	// generous limit: a ministry behind one address is many people.
	limitSignInPair    = rateRule{"signin.pair", 5, 15 * time.Minute}
	limitSignInAddress = rateRule{"signin.address", 100, 15 * time.Minute}

	// Creating invitations, reset links and API tokens: every request
	// counts, per address and per acting (or, for reset requests, named)
	// account.
	limitsInvite = rulePair{rateRule{"invite.address", 30, time.Hour}, rateRule{"invite.account", 20, time.Hour}}
	limitsReset  = rulePair{rateRule{"reset.address", 10, time.Hour}, rateRule{"reset.account", 5, time.Hour}}
	limitsToken  = rulePair{rateRule{"token.address", 20, time.Hour}, rateRule{"token.account", 10, time.Hour}}

	// One-time link pages: unknown links per address (a known link's view
	// is refunded); submissions per address and per invited or resetting
	// email.
	limitLinkGuess = rateRule{"link.address", 30, 15 * time.Minute}
	limitsLinkUse  = rulePair{rateRule{"link.use.address", 30, 15 * time.Minute}, rateRule{"link.use.account", 10, 15 * time.Minute}}

	// The API, per token and per address, reads (GET, HEAD) and writes
	// apart: generous for scripts (a whole assessment imported in a minute),
	// finite for a loop gone wrong. Unknown tokens per address, refunded
	// when the token is good.
	limitsAPIRead    = rulePair{rateRule{"api.read.address", 2400, time.Minute}, rateRule{"api.read.token", 1200, time.Minute}}
	limitsAPIWrite   = rulePair{rateRule{"api.write.address", 1200, time.Minute}, rateRule{"api.write.token", 600, time.Minute}}
	limitAPIBadToken = rateRule{"api.badtoken.address", 20, 15 * time.Minute}
)

// rateRuleSweep is how often expired counters are deleted.
const rateRuleSweep = time.Minute
