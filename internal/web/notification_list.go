package web

import (
	"log/slog"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/i18n"
	"github.com/mnr-self-assessment/mnr/internal/view"
)

// notificationKind names a kind of notification in tr's language, on the
// page and in mail subjects (ids NotifKind_<kind>).
func notificationKind(tr *i18n.Translator, kind string) string {
	return view.TranslatedOr(tr, "NotifKind_"+kind, kind)
}

// notificationsPage is the signed-in user's notifications, unread first.
type notificationsPage struct {
	Notifications []notificationLine
	Unread        int
}

// notificationLine is a notification as its reader sees it: its kind and
// message in the page's language.
type notificationLine struct {
	assessment.Notification
	KindLabel string
	Text      string
}

func (s *Server) notificationList(c echo.Context) error {
	ns, err := s.db.Notifications(c.Request().Context(), principal(c).User.ID, 100)
	if err != nil {
		return err
	}
	tr := s.translator(c)
	var page notificationsPage
	for _, n := range ns {
		page.Notifications = append(page.Notifications, notificationLine{Notification: n, KindLabel: notificationKind(tr, n.Kind), Text: n.TextIn(tr)})
		if n.ReadAt == nil {
			page.Unread++
		}
	}
	return s.render(c, "notifications", pageData{Title: tr.T("NotifTitle"), Data: page})
}

// notificationRead marks one notification (id) or all of them as read. A
// user can only ever mark their own: the store narrows by user.
func (s *Server) notificationRead(c echo.Context) error {
	var ids []int64
	if v := c.FormValue("id"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			return c.Redirect(http.StatusSeeOther, "/notifications")
		}
		ids = append(ids, id)
	}
	if err := s.db.MarkNotificationsRead(c.Request().Context(), principal(c).User.ID, ids); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/notifications")
}

// unreadCount is the header's count: one COUNT query per page. A failure
// only hides the number; the page itself must not fail for it.
func (s *Server) unreadCount(c echo.Context) int64 {
	n, err := s.db.UnreadNotifications(c.Request().Context(), principal(c).User.ID)
	if err != nil {
		slog.Error("count unread notifications", "err", err)
		return 0
	}
	return n
}
