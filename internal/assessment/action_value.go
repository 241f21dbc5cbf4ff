package assessment

import (
	"strconv"
	"strings"
	"time"
)

// MaxAmount is the largest budget, in whole units: far above any national
// plan, low enough that totals never overflow.
const MaxAmount = 1_000_000_000_000

// ParseAmount reads a non-negative amount with at most two decimals
// ("250000", "1250.50") into hundredths; empty is no amount.
func ParseAmount(field, s string) (*int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	if strings.HasPrefix(s, "-") {
		return nil, FieldError(field, "must not be negative")
	}
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" || len(frac) > 2 || !digits(whole) || !digits(frac) {
		return nil, FieldError(field, "must be a number with at most two decimals, such as 250000 or 1250.50")
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || w > MaxAmount {
		return nil, FieldError(field, "is larger than the limit of %d", int64(MaxAmount))
	}
	for len(frac) < 2 {
		frac += "0"
	}
	f, _ := strconv.ParseInt(frac, 10, 64)
	cents := w*100 + f
	return &cents, nil
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// FormatAmount writes hundredths as a plain decimal ("1250.50", "250000").
func FormatAmount(cents int64) string {
	s := strconv.FormatInt(cents/100, 10)
	if f := cents % 100; f != 0 {
		s += "." + strconv.FormatInt(100+f, 10)[1:]
	}
	return s
}

// ParseDay reads a day written YYYY-MM-DD; empty is no day.
func ParseDay(field, s string) (*time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return nil, FieldError(field, "is not a date: write it as YYYY-MM-DD, such as 2026-06-30")
	}
	return &d, nil
}

// FormatDay writes a day as YYYY-MM-DD, empty for none.
func FormatDay(d *time.Time) string {
	if d == nil {
		return ""
	}
	return d.Format(time.DateOnly)
}

func actionDates(start, due string) (*time.Time, *time.Time, error) {
	s, err := ParseDay("start_date", start)
	if err != nil {
		return nil, nil, err
	}
	d, err := ParseDay("due_date", due)
	if err != nil {
		return nil, nil, err
	}
	if s != nil && d != nil && d.Before(*s) {
		return nil, nil, FieldError("due_date", "is before the start date")
	}
	return s, d, nil
}
