package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/mnr-self-assessment/mnr/internal/web/httpx"
)

// apiCarriedConfirm takes {"indicators": ["key", …]} (empty or absent: all
// carried-forward answers of the capability) and returns the capability.
func (s *handlers) apiCarriedConfirm(c echo.Context) error {
	d, err := s.detail(c)
	if err != nil {
		return err
	}
	var body struct {
		Indicators []string `json:"indicators"`
	}
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return err
	}
	n, err := s.app.ConfirmCarried(c.Request().Context(), httpx.Principal(c), httpx.Actor(c), d, c.Param("key"), body.Indicators)
	if err != nil {
		return err
	}
	d2, err := s.detail(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"confirmed": n, "capability": apiCapabilityOf(d2.Capability(c.Param("key")))})
}
