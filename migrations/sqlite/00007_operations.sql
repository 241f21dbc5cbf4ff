-- +goose Up
-- Operations (issue 15): job leases, the readiness heartbeat, per-item
-- claims on the mail outbox, and a controlled way for erasure and audit
-- pruning through the append-only triggers.

-- One row per scheduled job (backup, reminders, …): whoever holds an
-- unexpired lease runs the job; a lease is taken over once it expires.
CREATE TABLE job_leases (
    name        TEXT PRIMARY KEY,
    holder      TEXT NOT NULL,
    acquired_at TIMESTAMP NOT NULL,
    expires_at  TIMESTAMP NOT NULL
);

-- /readyz writes here to prove the database accepts writes.
CREATE TABLE heartbeats (
    instance TEXT PRIMARY KEY,
    at       TIMESTAMP NOT NULL
);

-- A sender claims outbox rows for a while; an unexpired claim keeps other
-- senders away, an expired one (a sender that died) is claimed again.
ALTER TABLE notifications ADD COLUMN claimed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE notifications ADD COLUMN claimed_until TIMESTAMP;
CREATE INDEX notifications_outbox ON notifications(id) WHERE mailed_at IS NULL;

-- The audit trail stays append-only. Erasure and pruning insert a row here
-- inside their own transaction and delete it before committing, so no other
-- connection ever sees it. While it is there the triggers let erasure
-- rewrite only the text columns (actor, object, before, after, ip) and let
-- pruning delete only events older than its cutoff.
CREATE TABLE audit_unlock (
    purpose   TEXT NOT NULL CHECK (purpose IN ('erase', 'prune')),
    before_at TIMESTAMP
);
DROP TRIGGER audit_events_no_update;
DROP TRIGGER audit_events_no_delete;
-- +goose StatementBegin
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
WHEN NOT EXISTS (SELECT 1 FROM audit_unlock WHERE purpose = 'erase')
  OR NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.action IS NOT OLD.action
  OR NEW.user_id IS NOT OLD.user_id OR NEW.organisation_id IS NOT OLD.organisation_id
  OR NEW.assessment_id IS NOT OLD.assessment_id
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
WHEN NOT EXISTS (SELECT 1 FROM audit_unlock WHERE purpose = 'prune' AND OLD.at < before_at)
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER audit_events_no_update;
DROP TRIGGER audit_events_no_delete;
-- +goose StatementBegin
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
-- +goose StatementEnd
DROP TABLE audit_unlock;
DROP INDEX notifications_outbox;
ALTER TABLE notifications DROP COLUMN claimed_until;
ALTER TABLE notifications DROP COLUMN claimed_by;
DROP TABLE heartbeats;
DROP TABLE job_leases;
