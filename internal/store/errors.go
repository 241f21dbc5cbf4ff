package store

import "github.com/mnr-self-assessment/mnr/internal/assessment"

func assessmentNotFound(what string) error { return assessment.NotFound(what) }
