-- +goose Up
-- The API token cache (issue 11): a token found once is kept in memory,
-- tagged with the principal generation (00015) like the principal, so a
-- request reads only the counter. Revoking a token, changing what it
-- grants or deleting it bumps the counter: the token stops working at
-- once, on every instance. Recording its use (last_used_at) does not.
-- +goose StatementBegin
CREATE TRIGGER api_tokens_principal_upd AFTER UPDATE OF revoked_at, expires_at, user_id, hash ON api_tokens
WHEN OLD.revoked_at IS NOT NEW.revoked_at OR OLD.expires_at IS NOT NEW.expires_at OR OLD.user_id IS NOT NEW.user_id OR OLD.hash IS NOT NEW.hash
BEGIN UPDATE principal_generation SET n = n + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER api_tokens_principal_del AFTER DELETE ON api_tokens BEGIN UPDATE principal_generation SET n = n + 1 WHERE id = 1; END;
-- +goose StatementEnd

-- The heads of assessments that saves read (store.AssessmentForSave) are
-- kept at the same counter: it also moves when an assessment's framework
-- version or scope changes (status and owner already move it).
-- +goose StatementBegin
CREATE TRIGGER assessments_principal_fw AFTER UPDATE OF framework_version ON assessments
WHEN OLD.framework_version IS NOT NEW.framework_version
BEGIN UPDATE principal_generation SET n = n + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER capability_states_principal_ins AFTER INSERT ON capability_states BEGIN UPDATE principal_generation SET n = n + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER capability_states_principal_del AFTER DELETE ON capability_states BEGIN UPDATE principal_generation SET n = n + 1 WHERE id = 1; END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER capability_states_principal_del;
DROP TRIGGER capability_states_principal_ins;
DROP TRIGGER assessments_principal_fw;
DROP TRIGGER api_tokens_principal_del;
DROP TRIGGER api_tokens_principal_upd;
