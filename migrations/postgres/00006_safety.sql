-- +goose Up
-- Rules the database keeps by itself, so they hold with many writers at
-- once (PostgreSQL's READ COMMITTED, several app instances), and the
-- shared rate-limit counters (issue 10).

-- Rows that break the new unique indexes can only come from the races
-- these indexes close. Keep the newest of each, and spend or unlink the
-- others, so the indexes can be created on existing data.
UPDATE invitations SET revoked_at = NOW()
 WHERE used_at IS NULL AND revoked_at IS NULL
   AND id NOT IN (SELECT MAX(id) FROM invitations WHERE used_at IS NULL AND revoked_at IS NULL GROUP BY organisation_id, email);
UPDATE password_resets SET used_at = NOW()
 WHERE used_at IS NULL
   AND id NOT IN (SELECT MAX(id) FROM password_resets WHERE used_at IS NULL GROUP BY user_id);
-- A second "next cycle" keeps its data; only its link to the previous
-- cycle goes ("change since" then finds the previous cycle by period).
UPDATE assessments SET previous_id = NULL
 WHERE previous_id IS NOT NULL
   AND id NOT IN (SELECT MIN(id) FROM assessments WHERE previous_id IS NOT NULL GROUP BY previous_id);

-- One next cycle per assessment.
CREATE UNIQUE INDEX assessments_next_cycle ON assessments(previous_id) WHERE previous_id IS NOT NULL;
-- One open invitation per email and organisation: a new one replaces it.
CREATE UNIQUE INDEX invitations_open ON invitations(organisation_id, email) WHERE used_at IS NULL AND revoked_at IS NULL;
-- One unused password reset link per user: a new one replaces it.
CREATE UNIQUE INDEX password_resets_open ON password_resets(user_id) WHERE used_at IS NULL;

-- Rate-limit counters, one row per rule and subject (a hash of the address
-- or account), counted with one atomic upsert so every instance sees the
-- same numbers. reset_at ends the window, in Unix milliseconds; rows past
-- it are pruned.
CREATE TABLE rate_counters (
    name     TEXT PRIMARY KEY,
    hits     INTEGER NOT NULL,
    reset_at BIGINT NOT NULL
);
CREATE INDEX rate_counters_reset ON rate_counters(reset_at);

-- +goose Down
DROP TABLE rate_counters;
DROP INDEX password_resets_open;
DROP INDEX invitations_open;
DROP INDEX assessments_next_cycle;
