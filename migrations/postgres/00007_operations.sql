-- +goose Up
-- Operations (issue 15): job leases, the readiness heartbeat, per-item
-- claims on the mail outbox, and a controlled way for erasure and audit
-- pruning through the append-only trigger.

-- One row per scheduled job (backup, reminders, …): whoever holds an
-- unexpired lease runs the job; a lease is taken over once it expires.
CREATE TABLE job_leases (
    name        TEXT PRIMARY KEY,
    holder      TEXT NOT NULL,
    acquired_at TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL
);

-- /readyz writes here to prove the database accepts writes.
CREATE TABLE heartbeats (
    instance TEXT PRIMARY KEY,
    at       TIMESTAMPTZ NOT NULL
);

-- A sender claims outbox rows for a while (FOR UPDATE SKIP LOCKED keeps
-- concurrent senders on different rows); an expired claim is claimed again.
ALTER TABLE notifications ADD COLUMN claimed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE notifications ADD COLUMN claimed_until TIMESTAMPTZ;
CREATE INDEX notifications_outbox ON notifications(id) WHERE mailed_at IS NULL;

-- The audit trail stays append-only. Erasure and pruning insert a row here
-- inside their own transaction and delete it before committing (a deferred
-- check refuses to commit one), so no other transaction ever sees it. While
-- it is there the trigger lets erasure rewrite only the text columns
-- (actor, object, before, after, ip) and lets pruning delete only events
-- older than its cutoff.
CREATE TABLE audit_unlock (
    purpose   TEXT NOT NULL CHECK (purpose IN ('erase', 'prune')),
    before_at TIMESTAMPTZ
);

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM audit_unlock WHERE purpose = 'prune' AND OLD.at < before_at) THEN
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM audit_unlock WHERE purpose = 'erase')
       AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.action = OLD.action
       AND NEW.user_id IS NOT DISTINCT FROM OLD.user_id
       AND NEW.organisation_id IS NOT DISTINCT FROM OLD.organisation_id
       AND NEW.assessment_id IS NOT DISTINCT FROM OLD.assessment_id THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit events are append-only';
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd

-- +goose StatementBegin
CREATE FUNCTION audit_unlock_transient() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM audit_unlock) THEN
        RAISE EXCEPTION 'an audit unlock must be removed before its transaction commits';
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd
CREATE CONSTRAINT TRIGGER audit_unlock_transient AFTER INSERT ON audit_unlock
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_unlock_transient();

-- +goose Down
DROP TRIGGER audit_unlock_transient ON audit_unlock;
DROP FUNCTION audit_unlock_transient;
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only';
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd
DROP TABLE audit_unlock;
DROP INDEX notifications_outbox;
ALTER TABLE notifications DROP COLUMN claimed_until;
ALTER TABLE notifications DROP COLUMN claimed_by;
DROP TABLE heartbeats;
DROP TABLE job_leases;
