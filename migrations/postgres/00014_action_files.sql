-- +goose Up
-- Evidence files on plan actions (issue 16): a file belongs to an
-- indicator's answer (action_id NULL) or to an action, whose files keep the
-- action's assessment and an empty indicator key.
ALTER TABLE evidence_files ADD COLUMN action_id BIGINT REFERENCES actions(id) ON DELETE CASCADE;
CREATE INDEX evidence_files_action ON evidence_files(action_id);

-- +goose Down
DROP INDEX evidence_files_action;
ALTER TABLE evidence_files DROP COLUMN action_id;
