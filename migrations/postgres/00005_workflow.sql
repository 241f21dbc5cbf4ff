-- +goose Up
-- Review workflow, cycles and sharing with partners.
-- An assessment started as the next cycle points at the one it continues;
-- approval records who approved (approved_at exists since 00001).
ALTER TABLE assessments ADD COLUMN previous_id BIGINT REFERENCES assessments(id) ON DELETE SET NULL;
ALTER TABLE assessments ADD COLUMN approved_by BIGINT REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE assessments ADD COLUMN submitted_at TIMESTAMPTZ;
ALTER TABLE assessments ADD COLUMN returned_at TIMESTAMPTZ;

-- An answer copied from the previous cycle stays marked until someone
-- confirms or changes it.
ALTER TABLE answers ADD COLUMN carried_forward BOOLEAN NOT NULL DEFAULT FALSE;

-- Review comments, threaded per capability (capability_key '' = the
-- assessment as a whole, used for return comments and reopen reasons).
-- kind is 'comment', 'return' or 'reopen'.
CREATE TABLE comments (
    id             BIGSERIAL PRIMARY KEY,
    assessment_id  BIGINT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    capability_key TEXT NOT NULL DEFAULT '',
    parent_id      BIGINT REFERENCES comments(id) ON DELETE CASCADE,
    user_id        BIGINT REFERENCES users(id) ON DELETE SET NULL,
    kind           TEXT NOT NULL DEFAULT 'comment',
    body           TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    resolved_at    TIMESTAMPTZ,
    resolved_by    BIGINT REFERENCES users(id) ON DELETE SET NULL
);
CREATE INDEX comments_assessment ON comments(assessment_id, capability_key, id);

-- Consent to show reports to a partner organisation: one assessment, or
-- (assessment_id NULL) every approved assessment of the organisation, now
-- and later. Revoking keeps the row for the record.
CREATE TABLE shares (
    id                      BIGSERIAL PRIMARY KEY,
    organisation_id         BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    partner_organisation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    assessment_id           BIGINT REFERENCES assessments(id) ON DELETE CASCADE,
    created_by              BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at              TIMESTAMPTZ NOT NULL,
    revoked_at              TIMESTAMPTZ,
    revoked_by              BIGINT REFERENCES users(id) ON DELETE SET NULL,
    CHECK (organisation_id <> partner_organisation_id)
);
CREATE INDEX shares_organisation ON shares(organisation_id);
CREATE INDEX shares_partner ON shares(partner_organisation_id);
CREATE UNIQUE INDEX shares_active ON shares(organisation_id, partner_organisation_id, COALESCE(assessment_id, 0)) WHERE revoked_at IS NULL;

-- +goose Down
DROP TABLE shares;
DROP TABLE comments;
ALTER TABLE answers DROP COLUMN carried_forward;
ALTER TABLE assessments DROP COLUMN returned_at;
ALTER TABLE assessments DROP COLUMN submitted_at;
ALTER TABLE assessments DROP COLUMN approved_by;
ALTER TABLE assessments DROP COLUMN previous_id;
