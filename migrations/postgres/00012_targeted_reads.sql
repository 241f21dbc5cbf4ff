-- +goose Up
-- Targeted reads (issue 11): a capability page and a save read one
-- capability's answers, not the whole assessment's.
CREATE INDEX answers_capability ON answers(assessment_id, capability_key);
CREATE INDEX contribution_answers_capability ON contribution_answers(contribution_id, capability_key);

-- +goose Down
DROP INDEX contribution_answers_capability;
DROP INDEX answers_capability;
