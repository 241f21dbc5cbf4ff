-- +goose Up
-- An agency's contribution to another organisation's assessment: the
-- capabilities it was asked about, by when, and its own answers, kept apart
-- from the national answers until the coordinator consolidates them.
CREATE TABLE contributions (
    id              BIGSERIAL PRIMARY KEY,
    assessment_id   BIGINT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    due_date        DATE,
    status          TEXT NOT NULL DEFAULT 'invited' CHECK (status IN ('invited', 'in_progress', 'submitted')),
    created_at      TIMESTAMPTZ NOT NULL,
    submitted_at    TIMESTAMPTZ,
    UNIQUE (assessment_id, organisation_id)
);
CREATE INDEX contributions_organisation ON contributions(organisation_id, status);

CREATE TABLE contribution_capabilities (
    contribution_id BIGINT NOT NULL REFERENCES contributions(id) ON DELETE CASCADE,
    capability_key  TEXT NOT NULL,
    PRIMARY KEY (contribution_id, capability_key)
);

-- One row per indicator asked, created with the contribution, so every save
-- is a versioned UPDATE (as for answers).
CREATE TABLE contribution_answers (
    contribution_id BIGINT NOT NULL REFERENCES contributions(id) ON DELETE CASCADE,
    indicator_key   TEXT NOT NULL,
    capability_key  TEXT NOT NULL,
    value           TEXT NOT NULL DEFAULT '',
    evidence        TEXT NOT NULL DEFAULT '',
    links           TEXT NOT NULL DEFAULT '',
    note            TEXT NOT NULL DEFAULT '',
    version         INTEGER NOT NULL DEFAULT 0,
    updated_at      TIMESTAMPTZ,
    updated_by      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (contribution_id, indicator_key)
);

-- Provenance of a national answer: '' typed directly, 'contribution' adopted
-- from source_contribution_id, 'coordinator' decided with source_reason.
-- No foreign key on source_contribution_id, as in SQLite (where it keeps the
-- column droppable); contributions are only deleted with their assessment,
-- whose answers go too.
ALTER TABLE answers ADD COLUMN source TEXT NOT NULL DEFAULT '';
ALTER TABLE answers ADD COLUMN source_contribution_id BIGINT;
ALTER TABLE answers ADD COLUMN source_reason TEXT NOT NULL DEFAULT '';

-- Mail outbox: notifications not yet mailed (only used when SMTP is set up).
ALTER TABLE notifications ADD COLUMN mailed_at TIMESTAMPTZ;

-- +goose Down
ALTER TABLE notifications DROP COLUMN mailed_at;
ALTER TABLE answers DROP COLUMN source_reason;
ALTER TABLE answers DROP COLUMN source_contribution_id;
ALTER TABLE answers DROP COLUMN source;
DROP TABLE contribution_answers;
DROP TABLE contribution_capabilities;
DROP TABLE contributions;
