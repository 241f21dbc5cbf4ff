-- +goose Up
-- The partner dashboard (issue 11) reads what the figures of a thousand
-- assessments rest on. These partial indexes hold just that: the answered
-- indicators' values (not the empty rows every new assessment starts with,
-- nor the answers' texts) and the capabilities with a confirmed phase or a
-- target.
CREATE INDEX answers_answered ON answers(assessment_id, indicator_key, value) WHERE value <> '';
CREATE INDEX capability_states_judged ON capability_states(assessment_id, capability_key, confirmed_phase, target_phase)
    WHERE confirmed_phase IS NOT NULL OR target_phase IS NOT NULL;

-- +goose Down
DROP INDEX capability_states_judged;
DROP INDEX answers_answered;
