-- +goose Up
CREATE TABLE organisations (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    country    TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE users (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    email               TEXT NOT NULL UNIQUE,
    name                TEXT NOT NULL,
    lang                TEXT NOT NULL DEFAULT '',
    password_hash       TEXT NOT NULL,
    is_admin            BOOLEAN NOT NULL DEFAULT FALSE,
    password_changed_at TIMESTAMP NOT NULL,
    created_at          TIMESTAMP NOT NULL
);

CREATE TABLE memberships (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id         INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    role            TEXT NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    UNIQUE (user_id, organisation_id)
);
CREATE INDEX memberships_organisation ON memberships(organisation_id);

CREATE TABLE sessions (
    id           TEXT PRIMARY KEY,
    user_id      INTEGER REFERENCES users(id) ON DELETE CASCADE,
    data         TEXT NOT NULL DEFAULT '',
    user_agent   TEXT NOT NULL DEFAULT '',
    ip           TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    hash         TEXT NOT NULL UNIQUE,
    created_at   TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP,
    revoked_at   TIMESTAMP
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE assessments (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id   INTEGER NOT NULL REFERENCES organisations(id),
    title             TEXT NOT NULL,
    period            TEXT NOT NULL,
    framework_version TEXT NOT NULL,
    status            TEXT NOT NULL DEFAULT 'draft',
    version           INTEGER NOT NULL DEFAULT 1,
    created_at        TIMESTAMP NOT NULL,
    updated_at        TIMESTAMP NOT NULL,
    approved_at       TIMESTAMP
);
CREATE INDEX assessments_organisation ON assessments(organisation_id);

-- One row per capability in scope: the scope of an assessment is its set of rows.
CREATE TABLE capability_states (
    assessment_id   INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    capability_key  TEXT NOT NULL,
    confirmed_phase INTEGER CHECK (confirmed_phase BETWEEN 0 AND 4),
    justification   TEXT NOT NULL DEFAULT '',
    target_phase    INTEGER CHECK (target_phase BETWEEN 0 AND 4),
    priority        TEXT NOT NULL DEFAULT '',
    lead            TEXT NOT NULL DEFAULT '',
    version         INTEGER NOT NULL DEFAULT 0,
    updated_at      TIMESTAMP,
    updated_by      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (assessment_id, capability_key)
);

-- One row per indicator in scope, created with the assessment (value '' = unanswered),
-- so every save is a versioned UPDATE.
CREATE TABLE answers (
    assessment_id  INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    indicator_key  TEXT NOT NULL,
    capability_key TEXT NOT NULL,
    value          TEXT NOT NULL DEFAULT '',
    evidence       TEXT NOT NULL DEFAULT '',
    links          TEXT NOT NULL DEFAULT '',
    note           TEXT NOT NULL DEFAULT '',
    version        INTEGER NOT NULL DEFAULT 0,
    updated_at     TIMESTAMP,
    updated_by     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (assessment_id, indicator_key)
);

-- Which contributors answer which capabilities of an assessment.
CREATE TABLE assignments (
    assessment_id  INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    capability_key TEXT NOT NULL,
    user_id        INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (assessment_id, capability_key, user_id)
);
CREATE INDEX assignments_user ON assignments(user_id);

-- Append-only: the app never updates or deletes a row here.
CREATE TABLE audit_events (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    at              TIMESTAMP NOT NULL,
    user_id         INTEGER,
    actor           TEXT NOT NULL DEFAULT '',
    organisation_id INTEGER,
    assessment_id   INTEGER,
    action          TEXT NOT NULL,
    object          TEXT NOT NULL DEFAULT '',
    before          TEXT NOT NULL DEFAULT '',
    after           TEXT NOT NULL DEFAULT '',
    ip              TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_events_organisation ON audit_events(organisation_id, at);
CREATE INDEX audit_events_assessment ON audit_events(assessment_id, at);
-- +goose StatementBegin
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
-- +goose StatementEnd

-- +goose Down
DROP TABLE audit_events;
DROP TABLE assignments;
DROP TABLE answers;
DROP TABLE capability_states;
DROP TABLE assessments;
DROP TABLE api_tokens;
DROP TABLE sessions;
DROP TABLE memberships;
DROP TABLE users;
DROP TABLE organisations;
