-- +goose Up
-- The national action plan (issue 13): actions of an assessment, each on
-- one capability or enabler, owned by a responsible organisation, followed
-- by a dated status history. Days are 'YYYY-MM-DD' text; budgets are in
-- hundredths of the currency's unit. An open action carried into the next
-- cycle points at the action it continues (previous_action_id, at most one
-- continuation each); the old one keeps carried_to_id and stops changing.
CREATE TABLE actions (
    id                    BIGSERIAL PRIMARY KEY,
    assessment_id         BIGINT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    capability_key        TEXT NOT NULL,
    title                 TEXT NOT NULL,
    description           TEXT NOT NULL DEFAULT '',
    indicators            TEXT NOT NULL DEFAULT '',
    owner_organisation_id BIGINT REFERENCES organisations(id) ON DELETE SET NULL,
    owner_name            TEXT NOT NULL DEFAULT '',
    contact               TEXT NOT NULL DEFAULT '',
    start_date            TEXT,
    due_date              TEXT,
    budget_cents          BIGINT CHECK (budget_cents >= 0),
    currency              TEXT NOT NULL DEFAULT '',
    funding               TEXT NOT NULL CHECK (funding IN ('domestic', 'donor', 'mixed', 'unfunded')),
    status                TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'done', 'blocked', 'dropped')),
    status_note           TEXT NOT NULL DEFAULT '',
    status_at             TIMESTAMPTZ,
    version               INTEGER NOT NULL DEFAULT 1,
    previous_action_id    BIGINT REFERENCES actions(id) ON DELETE SET NULL,
    carried_to_id         BIGINT REFERENCES actions(id) ON DELETE SET NULL,
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL,
    updated_by            TEXT NOT NULL DEFAULT ''
);
CREATE INDEX actions_assessment ON actions(assessment_id, capability_key, id);
CREATE INDEX actions_owner ON actions(owner_organisation_id);
CREATE UNIQUE INDEX actions_previous ON actions(previous_action_id) WHERE previous_action_id IS NOT NULL;

-- Each status change or status note, dated; copied with the action when
-- the next cycle carries it forward.
CREATE TABLE action_updates (
    id        BIGSERIAL PRIMARY KEY,
    action_id BIGINT NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    at        TIMESTAMPTZ NOT NULL,
    user_id   BIGINT REFERENCES users(id) ON DELETE SET NULL,
    actor     TEXT NOT NULL DEFAULT '',
    status    TEXT NOT NULL,
    note      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX action_updates_action ON action_updates(action_id, at);

-- +goose Down
DROP TABLE action_updates;
DROP TABLE actions;
