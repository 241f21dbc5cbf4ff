package assessment

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/mnr-self-assessment/mnr/internal/framework"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
)

// A notification is read by people who speak different languages, so its
// message is stored as a message id of the notify area
// (internal/i18n/locales/notify.*.json, ids "NotifMsg…") with its
// arguments, as JSON in notifications.message:
//
//	{"id":"NotifMsgContributionSubmitted","args":{"Agency":"…","Title":"…"},"text":"… (English)"}
//
// and rendered in each reader's language by Notification.TextIn. The
// English text as created is kept beside them, for a message id a later
// version no longer knows and for whoever reads the table directly. Rows
// written before (plain English text) are shown as they are.
//
// Arguments are strings; a few names say how to render them:
//   - Count: a whole number, which also selects the plural form;
//   - Due: a day (YYYY-MM-DD), shown as a date in the reader's language;
//   - Capability, with Framework: a capability key, shown as the
//     capability's name in the reader's language;
//   - Actor: a person's name; empty shows as "Someone" (NotifSomeone).
type NotificationMessage struct {
	ID   string            `json:"id"`
	Args map[string]string `json:"args,omitempty"`
	Text string            `json:"text,omitempty"` // English, as created
}

// NotificationText makes the stored message of a notification from a
// message id and its arguments (see NotificationMessage).
func NotificationText(id string, args map[string]string) string {
	m := NotificationMessage{ID: id, Args: args}
	m.Text = m.render(i18n.Default().For("en"))
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // names stay readable in the table
	if err := enc.Encode(m); err != nil {
		return m.Text
	}
	return strings.TrimSpace(b.String())
}

// ParseMessage reads a stored message; false for a plain-text one.
func (n Notification) ParseMessage() (NotificationMessage, bool) {
	var m NotificationMessage
	if !strings.HasPrefix(n.Message, "{") || json.Unmarshal([]byte(n.Message), &m) != nil || m.ID == "" {
		return NotificationMessage{}, false
	}
	return m, true
}

// TextIn is the notification's message in tr's language.
func (n Notification) TextIn(tr *i18n.Translator) string {
	m, ok := n.ParseMessage()
	if !ok {
		return n.Message
	}
	if tr.T(m.ID) == m.ID && m.Text != "" { // an id this version does not know
		return m.Text
	}
	return m.render(tr)
}

func (m NotificationMessage) render(tr *i18n.Translator) string {
	args := make([]any, 0, 2*len(m.Args))
	for k, v := range m.Args {
		var val any = v
		switch k {
		case "Count":
			if n, err := strconv.Atoi(v); err == nil {
				val = n
			}
		case "Due":
			if d, err := time.Parse(time.DateOnly, v); err == nil {
				val = tr.Date(d)
			}
		case "Capability":
			if fw, err := framework.Get(m.Args["Framework"]); err == nil && fw.Assessable(v) != nil {
				val = fw.Assessable(v).Name.In(tr.Lang.Code)
			}
		case "Actor":
			if v == "" {
				val = tr.T("NotifSomeone")
			}
		}
		args = append(args, k, val)
	}
	return tr.T(m.ID, args...)
}

// dueArg is a due date as the Due argument of a notification.
func dueArg(d time.Time) string { return d.Format(time.DateOnly) }
