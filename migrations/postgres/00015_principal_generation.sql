-- +goose Up
-- The principal cache (issue 11): every request's authorization reads the
-- user, memberships, assignments and shares; the store keeps them in
-- memory, tagged with this counter, and reads only the counter per request.
-- Triggers bump it on every change to what a principal is made of, so no
-- write path can forget to, and a second instance sees the change too.
-- They are deferred constraint triggers: the counter row is locked only at
-- commit, the last lock any transaction takes, so it adds no deadlock.
CREATE TABLE principal_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  BIGINT NOT NULL
);
INSERT INTO principal_generation (id, n) VALUES (1, 0);

-- +goose StatementBegin
CREATE FUNCTION principal_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE principal_generation SET n = n + 1 WHERE id = 1;
    RETURN NULL;
END $$;
-- +goose StatementEnd

CREATE CONSTRAINT TRIGGER users_principal AFTER INSERT OR UPDATE OR DELETE ON users
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION principal_generation_bump();
CREATE CONSTRAINT TRIGGER memberships_principal AFTER INSERT OR UPDATE OR DELETE ON memberships
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION principal_generation_bump();
CREATE CONSTRAINT TRIGGER assignments_principal AFTER INSERT OR UPDATE OR DELETE ON assignments
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION principal_generation_bump();
CREATE CONSTRAINT TRIGGER shares_principal AFTER INSERT OR UPDATE OR DELETE ON shares
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION principal_generation_bump();
-- Assessments count through shares of every approved one: their status
-- and owner, not their answers (a save only touches updated_at).
CREATE CONSTRAINT TRIGGER assessments_principal_ins AFTER INSERT OR DELETE ON assessments
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION principal_generation_bump();
CREATE CONSTRAINT TRIGGER assessments_principal_upd AFTER UPDATE OF status, organisation_id ON assessments
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.organisation_id IS DISTINCT FROM NEW.organisation_id)
    EXECUTE FUNCTION principal_generation_bump();

-- +goose Down
DROP TRIGGER assessments_principal_upd ON assessments;
DROP TRIGGER assessments_principal_ins ON assessments;
DROP TRIGGER shares_principal ON shares;
DROP TRIGGER assignments_principal ON assignments;
DROP TRIGGER memberships_principal ON memberships;
DROP TRIGGER users_principal ON users;
DROP FUNCTION principal_generation_bump();
DROP TABLE principal_generation;
