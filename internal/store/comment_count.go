package store

import (
	"context"
	"fmt"
)

// OpenThreads counts an assessment's unresolved comment threads (a thread
// is a comment without a parent), for the overview, without reading them.
func (s *Store) OpenThreads(ctx context.Context, assessmentID int64) (int, error) {
	var n int64
	err := s.read(ctx).Model(&commentRow{}).
		Where("assessment_id = ? AND parent_id IS NULL AND resolved_at IS NULL", assessmentID).Count(&n).Error
	if err != nil {
		return 0, fmt.Errorf("count open threads: %w", err)
	}
	return int(n), nil
}
