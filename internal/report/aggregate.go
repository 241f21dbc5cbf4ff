package report

// MinContributors is the fewest organisations a cross-country figure may
// rest on. Below it a figure could point at one country, so it is not shown
// at all (not even as "fewer than 5 of …").
const MinContributors = 5

// Figure is an aggregate count: how many of the contributing organisations
// meet the condition.
type Figure struct {
	Count int
	Of    int
}

// Aggregate counts, over one phase per organisation (nil: not assessed, left
// out), how many are at phase atLeast or above. Keying by organisation makes
// sure nobody counts twice. shown is false when fewer than MinContributors
// organisations contribute; the figure is then zero so that it cannot leak
// by mistake.
func Aggregate(byOrganisation map[int64]*int, atLeast int) (Figure, bool) {
	var f Figure
	for _, p := range byOrganisation {
		if p == nil {
			continue
		}
		f.Of++
		if *p >= atLeast {
			f.Count++
		}
	}
	if f.Of < MinContributors {
		return Figure{}, false
	}
	return f, true
}
