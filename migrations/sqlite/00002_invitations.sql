-- +goose Up
-- One-time links. Only a SHA-256 hash of each link's secret is stored, so a
-- copy of the database cannot be used to join an organisation or take over
-- an account. A link is spent when used_at (or, for invitations,
-- revoked_at) is set.
CREATE TABLE invitations (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    email           TEXT NOT NULL,
    role            TEXT NOT NULL,
    hash            TEXT NOT NULL UNIQUE,
    invited_by      INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at      TIMESTAMP NOT NULL,
    expires_at      TIMESTAMP NOT NULL,
    used_at         TIMESTAMP,
    used_by         INTEGER REFERENCES users(id) ON DELETE SET NULL,
    revoked_at      TIMESTAMP
);
CREATE INDEX invitations_organisation ON invitations(organisation_id);

CREATE TABLE password_resets (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    hash       TEXT NOT NULL UNIQUE,
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at    TIMESTAMP
);
CREATE INDEX password_resets_user ON password_resets(user_id);

-- +goose Down
DROP TABLE password_resets;
DROP TABLE invitations;
