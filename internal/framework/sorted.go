package framework

import "sort"

// sortedKeys returns a map's keys in order, so problems are reported in a
// stable order.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
