package assessment

import (
	"fmt"
	"strconv"
	"time"
)

// The notification rules: who hears of what, and what they read (message
// ids "NotifMsg…" of internal/i18n/locales/notify.*.json, rendered in each
// reader's language).
// A write that notifies takes its rule as an argument and calls it, inside
// its transaction, with the facts it wrote; nil notifies no one.

// Rule types, one per kind of change.
type (
	TransitionRule   func(by Actor, a Assessment, action Action) []Notice
	AssignedRule     func(a Assessment, capabilityKey string, userID int64) []Notice
	ActionStatusRule func(by Actor, a Assessment, cur, next PlanAction) []Notice
	ShareRule        func(org, partner Organisation, a *Assessment) []Notice
	ContributionRule func(national Organisation, a Assessment, c Contribution) []Notice
)

// transitionNotices: who hears of each workflow step.
var transitionNotices = map[Action]struct {
	kind  string
	roles []Role
	text  string
}{
	ActionSubmit:  {NotifySubmitted, []Role{RoleReviewer, RoleOwner}, "NotifMsgReviewSubmitted"},
	ActionReturn:  {NotifyReturned, []Role{RoleCoordinator, RoleOwner}, "NotifMsgReviewReturned"},
	ActionApprove: {NotifyApproved, []Role{RoleCoordinator, RoleOwner}, "NotifMsgReviewApproved"},
}

// TransitionNotices tells the organisation's reviewers of a submission and
// its coordinators of a return or an approval; never whoever acted.
func TransitionNotices(by Actor, a Assessment, action Action) []Notice {
	n, ok := transitionNotices[action]
	if !ok {
		return nil
	}
	msg := NotificationText(n.text, map[string]string{"Actor": by.Name, "Title": a.Title, "Period": a.Period})
	return []Notice{{Kind: n.kind, Message: msg, Link: reviewLink(a.ID), OrganisationID: a.OrganisationID, Roles: n.roles, Except: by.UserID}}
}

// AssignedNotices tells a user that a capability was assigned to them (the
// capability named in each reader's language, from its key).
func AssignedNotices(a Assessment, capabilityKey string, userID int64) []Notice {
	msg := NotificationText("NotifMsgCapabilityAssigned", map[string]string{"Capability": capabilityKey, "Framework": a.FrameworkVersion, "Title": a.Title})
	return []Notice{{Kind: NotifyAssigned, Message: msg, Link: capabilityLink(a.ID, capabilityKey), UserID: userID}}
}

// ActionStatusNotices tells the coordinators that an action of an approved
// plan moved on (message NotifMsgActionStatus_<status>); nothing before
// approval or when the status stays.
func ActionStatusNotices(by Actor, a Assessment, cur, next PlanAction) []Notice {
	if a.Status != StatusApproved || !cur.StatusChanged(next) {
		return nil
	}
	msg := NotificationText("NotifMsgActionStatus_"+string(next.Status), map[string]string{"Actor": by.Name, "Action": next.Title,
		"Title": a.Title, "Period": a.Period})
	return []Notice{{Kind: NotifyActionStatus, Message: msg, Link: planActionLink(a.ID, next.ID),
		OrganisationID: a.OrganisationID, Roles: []Role{RoleCoordinator}, Except: by.UserID}}
}

// ShareNotices tells every member of the partner what org shared with it:
// one assessment's report (a) or all approved ones (a nil).
func ShareNotices(org, partner Organisation, a *Assessment) []Notice {
	args := map[string]string{"Org": org.Name, "Country": org.Country, "Partner": partner.Name}
	id := "NotifMsgSharedAll"
	if a != nil {
		id, args["Title"], args["Period"] = "NotifMsgSharedReport", a.Title, a.Period
	}
	return []Notice{{Kind: NotifyShared, Message: NotificationText(id, args), Link: partnerLink, OrganisationID: partner.ID}}
}

// ContributionAskedNotices tells the agency's members who answer that
// national asks them into a (c.Agency is the agency).
func ContributionAskedNotices(national Organisation, a Assessment, c Contribution) []Notice {
	id, args := "NotifMsgContributionAsked", map[string]string{"Org": national.Name, "Agency": c.Agency.Name,
		"Count": strconv.Itoa(len(c.Capabilities)), "Title": a.Title}
	if c.DueDate != nil {
		id, args["Due"] = "NotifMsgContributionAskedDue", dueArg(*c.DueDate)
	}
	return []Notice{{Kind: NotifyAssigned, Message: NotificationText(id, args), Link: contributionLink(c.ID),
		OrganisationID: c.OrganisationID, Roles: []Role{RoleOwner, RoleCoordinator, RoleContributor}}}
}

// ContributionSubmittedNotices tells the national owners and coordinators
// that an agency handed its contribution over (a ContributionRule, for
// SubmitContribution once it takes one).
func ContributionSubmittedNotices(_ Organisation, a Assessment, c Contribution) []Notice {
	msg := NotificationText("NotifMsgContributionSubmitted", map[string]string{"Agency": c.Agency.Name, "Title": a.Title})
	return []Notice{{Kind: NotifySubmitted, Message: msg, Link: consolidationLink(a.ID),
		OrganisationID: a.OrganisationID, Roles: []Role{RoleOwner, RoleCoordinator}}}
}

// DueSoonNotice reminds one person who answers an open contribution that
// it is due soon, or overdue; once per person and contribution.
func DueSoonNotice(a Assessment, c Contribution, userID int64, now time.Time) Notification {
	id := "NotifMsgDueSoon"
	if c.Overdue(now) {
		id = "NotifMsgOverdue"
	}
	msg := NotificationText(id, map[string]string{"Agency": c.Agency.Name, "Title": a.Title, "Due": dueArg(*c.DueDate)})
	return Notification{UserID: userID, Kind: NotifyDueSoon, Message: msg, Link: contributionLink(c.ID),
		DedupeKey: fmt.Sprintf("due_soon:contribution:%d", c.ID)}
}
