-- +goose Up
-- The principal cache (issue 11): every request's authorization reads the
-- user, memberships, assignments and shares; the store keeps them in
-- memory, tagged with this counter, and reads only the counter per request.
-- Triggers bump it on every change to what a principal is made of, so no
-- write path can forget to, and a second instance sees the change too.
CREATE TABLE principal_generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
);
INSERT INTO principal_generation (id, n) VALUES (1, 0);

-- +goose StatementBegin
CREATE TRIGGER users_principal_ins AFTER INSERT ON users BEGIN UPDATE principal_generation SET n = n + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER users_principal_upd AFTER UPDATE ON users BEGIN UPDATE principal_generation SET n = n + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER users_principal_del AFTER DELETE ON users BEGIN UPDATE principal_generation SET n = n + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER memberships_principal_ins AFTER INSERT ON memberships BEGIN UPDATE principal_generation SET n = n + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER memberships_principal_upd AFTER UPDATE ON memberships BEGIN UPDATE principal_generation SET n = n + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER memberships_principal_del AFTER DELETE ON memberships BEGIN UPDATE principal_generation SET n = n + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER assignments_principal_ins AFTER INSERT ON assignments BEGIN UPDATE principal_generation SET n = n + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER assignments_principal_upd AFTER UPDATE ON assignments BEGIN UPDATE principal_generation SET n = n + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER assignments_principal_del AFTER DELETE ON assignments BEGIN UPDATE principal_generation SET n = n + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER shares_principal_ins AFTER INSERT ON shares BEGIN UPDATE principal_generation SET n = n + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER shares_principal_upd AFTER UPDATE ON shares BEGIN UPDATE principal_generation SET n = n + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER shares_principal_del AFTER DELETE ON shares BEGIN UPDATE principal_generation SET n = n + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- Assessments count through shares of every approved one: their status
-- and owner, not their answers (a save only touches updated_at).
-- +goose StatementBegin
CREATE TRIGGER assessments_principal_ins AFTER INSERT ON assessments BEGIN UPDATE principal_generation SET n = n + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER assessments_principal_upd AFTER UPDATE OF status, organisation_id ON assessments
WHEN OLD.status IS NOT NEW.status OR OLD.organisation_id IS NOT NEW.organisation_id
BEGIN UPDATE principal_generation SET n = n + 1 WHERE id = 1; END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER assessments_principal_del AFTER DELETE ON assessments BEGIN UPDATE principal_generation SET n = n + 1 WHERE id = 1; END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER assessments_principal_del;
DROP TRIGGER assessments_principal_upd;
DROP TRIGGER assessments_principal_ins;
DROP TRIGGER shares_principal_del;
DROP TRIGGER shares_principal_upd;
DROP TRIGGER shares_principal_ins;
DROP TRIGGER assignments_principal_del;
DROP TRIGGER assignments_principal_upd;
DROP TRIGGER assignments_principal_ins;
DROP TRIGGER memberships_principal_del;
DROP TRIGGER memberships_principal_upd;
DROP TRIGGER memberships_principal_ins;
DROP TRIGGER users_principal_del;
DROP TRIGGER users_principal_upd;
DROP TRIGGER users_principal_ins;
DROP TABLE principal_generation;
