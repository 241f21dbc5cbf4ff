-- +goose Up
-- The API token cache (issue 11): a token found once is kept in memory,
-- tagged with the principal generation (00015) like the principal, so a
-- request reads only the counter. Revoking a token, changing what it
-- grants or deleting it bumps the counter: the token stops working at
-- once, on every instance. Recording its use (last_used_at) does not.
CREATE CONSTRAINT TRIGGER api_tokens_principal_upd AFTER UPDATE OF revoked_at, expires_at, user_id, hash ON api_tokens
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
      OR OLD.user_id IS DISTINCT FROM NEW.user_id OR OLD.hash IS DISTINCT FROM NEW.hash)
    EXECUTE FUNCTION principal_generation_bump();
CREATE CONSTRAINT TRIGGER api_tokens_principal_del AFTER DELETE ON api_tokens
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION principal_generation_bump();

-- The heads of assessments that saves read (store.AssessmentForSave) are
-- kept at the same counter: it also moves when an assessment's framework
-- version or scope changes (status and owner already move it).
CREATE CONSTRAINT TRIGGER assessments_principal_fw AFTER UPDATE OF framework_version ON assessments
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.framework_version IS DISTINCT FROM NEW.framework_version)
    EXECUTE FUNCTION principal_generation_bump();
CREATE CONSTRAINT TRIGGER capability_states_principal AFTER INSERT OR DELETE ON capability_states
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION principal_generation_bump();

-- +goose Down
DROP TRIGGER capability_states_principal ON capability_states;
DROP TRIGGER assessments_principal_fw ON assessments;
DROP TRIGGER api_tokens_principal_del ON api_tokens;
DROP TRIGGER api_tokens_principal_upd ON api_tokens;
