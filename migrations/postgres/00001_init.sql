-- +goose Up
CREATE TABLE organisations (
    id         BIGSERIAL PRIMARY KEY,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    country    TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE users (
    id                  BIGSERIAL PRIMARY KEY,
    email               TEXT NOT NULL UNIQUE,
    name                TEXT NOT NULL,
    lang                TEXT NOT NULL DEFAULT '',
    password_hash       TEXT NOT NULL,
    is_admin            BOOLEAN NOT NULL DEFAULT FALSE,
    password_changed_at TIMESTAMPTZ NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL
);

CREATE TABLE memberships (
    id              BIGSERIAL PRIMARY KEY,
    user_id         BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    role            TEXT NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (user_id, organisation_id)
);
CREATE INDEX memberships_organisation ON memberships(organisation_id);

CREATE TABLE sessions (
    id           TEXT PRIMARY KEY,
    user_id      BIGINT REFERENCES users(id) ON DELETE CASCADE,
    data         TEXT NOT NULL DEFAULT '',
    user_agent   TEXT NOT NULL DEFAULT '',
    ip           TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
    id           BIGSERIAL PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    hash         TEXT NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE assessments (
    id                BIGSERIAL PRIMARY KEY,
    organisation_id   BIGINT NOT NULL REFERENCES organisations(id),
    title             TEXT NOT NULL,
    period            TEXT NOT NULL,
    framework_version TEXT NOT NULL,
    status            TEXT NOT NULL DEFAULT 'draft',
    version           INTEGER NOT NULL DEFAULT 1,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    approved_at       TIMESTAMPTZ
);
CREATE INDEX assessments_organisation ON assessments(organisation_id);

CREATE TABLE capability_states (
    assessment_id   BIGINT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    capability_key  TEXT NOT NULL,
    confirmed_phase INTEGER CHECK (confirmed_phase BETWEEN 0 AND 4),
    justification   TEXT NOT NULL DEFAULT '',
    target_phase    INTEGER CHECK (target_phase BETWEEN 0 AND 4),
    priority        TEXT NOT NULL DEFAULT '',
    lead            TEXT NOT NULL DEFAULT '',
    version         INTEGER NOT NULL DEFAULT 0,
    updated_at      TIMESTAMPTZ,
    updated_by      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (assessment_id, capability_key)
);

CREATE TABLE answers (
    assessment_id  BIGINT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    indicator_key  TEXT NOT NULL,
    capability_key TEXT NOT NULL,
    value          TEXT NOT NULL DEFAULT '',
    evidence       TEXT NOT NULL DEFAULT '',
    links          TEXT NOT NULL DEFAULT '',
    note           TEXT NOT NULL DEFAULT '',
    version        INTEGER NOT NULL DEFAULT 0,
    updated_at     TIMESTAMPTZ,
    updated_by     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (assessment_id, indicator_key)
);

-- Which contributors answer which capabilities of an assessment.
CREATE TABLE assignments (
    assessment_id  BIGINT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    capability_key TEXT NOT NULL,
    user_id        BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (assessment_id, capability_key, user_id)
);
CREATE INDEX assignments_user ON assignments(user_id);

CREATE TABLE audit_events (
    id              BIGSERIAL PRIMARY KEY,
    at              TIMESTAMPTZ NOT NULL,
    user_id         BIGINT,
    actor           TEXT NOT NULL DEFAULT '',
    organisation_id BIGINT,
    assessment_id   BIGINT,
    action          TEXT NOT NULL,
    object          TEXT NOT NULL DEFAULT '',
    before          TEXT NOT NULL DEFAULT '',
    after           TEXT NOT NULL DEFAULT '',
    ip              TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_events_organisation ON audit_events(organisation_id, at);
CREATE INDEX audit_events_assessment ON audit_events(assessment_id, at);

-- +goose StatementBegin
CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only';
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

-- +goose Down
DROP TABLE audit_events;
DROP FUNCTION audit_events_append_only;
DROP TABLE assignments;
DROP TABLE answers;
DROP TABLE capability_states;
DROP TABLE assessments;
DROP TABLE api_tokens;
DROP TABLE sessions;
DROP TABLE memberships;
DROP TABLE users;
DROP TABLE organisations;
