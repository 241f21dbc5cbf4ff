package links

import "net/url"

// Members is an organisation's members page.
func Members(orgID int64) string { return "/organisations/" + id(orgID) + "/members" }

// Sharing is an organisation's sharing page.
func Sharing(orgID int64) string { return "/organisations/" + id(orgID) + "/sharing" }

// Progress is an organisation's progress over its cycles.
func Progress(orgID int64) string { return "/organisations/" + id(orgID) + "/progress" }

// Activity is an organisation's activity log, filtered by q (nil: all).
func Activity(orgID int64, q url.Values) string {
	p := "/organisations/" + id(orgID) + "/activity"
	if len(q) > 0 {
		p += "?" + q.Encode()
	}
	return p
}

// HomeAction is an action among the tasks of the start page.
func HomeAction(actionID int64) string { return Home() + "#task-action-" + id(actionID) }

// APIFile is an evidence file in the JSON API.
func APIFile(fileID int64) string { return "/api/v1/files/" + id(fileID) }

// Partner is a partner's dashboard of the reports shared with it.
func Partner() string { return "/partner" }
