package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/assessment"
	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// apiNotificationList: the caller's notifications, unread first, with the
// unread count.
func (s *handlers) apiNotificationList(c echo.Context) error {
	p := httpx.Principal(c)
	ctx, uid := c.Request().Context(), p.User.ID
	ns, err := s.db.Notifications(ctx, uid, 100)
	if err != nil {
		return err
	}
	n, err := s.db.UnreadNotifications(ctx, uid)
	if err != nil {
		return err
	}
	// text in the user's preferred language (else the request's).
	en, tr := s.i18n.For("en"), httpx.TranslatorFor(c, s.i18n, p.User.Lang)
	out := make([]apiNotification, 0, len(ns))
	for _, x := range ns {
		out = append(out, apiNotificationOf(x, en, tr))
	}
	return c.JSON(http.StatusOK, map[string]any{"unread": n, "notifications": out})
}

// apiNotificationRead: POST {"ids":[…]} marks those as read; no ids (or
// an empty body) marks all.
func (s *handlers) apiNotificationRead(c echo.Context) error {
	var body struct {
		IDs []int64 `json:"ids"`
	}
	if c.Request().ContentLength != 0 {
		if err := httpx.DecodeJSON(c, &body); err != nil {
			return err
		}
	}
	if err := assessment.CheckIDs("ids", len(body.IDs)); err != nil {
		return err
	}
	ctx, uid := c.Request().Context(), httpx.Principal(c).User.ID
	if err := s.db.MarkNotificationsRead(ctx, uid, body.IDs); err != nil {
		return err
	}
	n, err := s.db.UnreadNotifications(ctx, uid)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"unread": n})
}
