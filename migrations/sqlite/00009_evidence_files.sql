-- +goose Up
-- Evidence files (issue 16): documents attached to the indicators of an
-- assessment or of an agency's contribution, kept in the database so a
-- backup holds them and several instances share them.

-- The bytes, once per organisation and content: a second upload of the same
-- file refers to the same blob. Kept while any file version refers to it.
CREATE TABLE evidence_blobs (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    sha256          TEXT NOT NULL,
    size            INTEGER NOT NULL CHECK (size > 0),
    chunks          INTEGER NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    UNIQUE (organisation_id, sha256)
);

-- The blob's bytes in pieces of 256 KB, so no file is ever read whole.
CREATE TABLE evidence_chunks (
    blob_id INTEGER NOT NULL REFERENCES evidence_blobs(id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    data    BLOB NOT NULL,
    PRIMARY KEY (blob_id, seq)
);

-- One row per version of a file. series_id is the first version's id;
-- replacing adds a version and marks the previous one superseded; removing
-- marks every version removed and lets go of the bytes (blob_id NULL),
-- while titles, names and hashes stay for the history.
CREATE TABLE evidence_files (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    assessment_id   INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    contribution_id INTEGER REFERENCES contributions(id) ON DELETE CASCADE,
    indicator_key   TEXT NOT NULL,
    series_id       INTEGER,
    version         INTEGER NOT NULL DEFAULT 1,
    title           TEXT NOT NULL,
    document_date   DATE,
    filename        TEXT NOT NULL,
    content_type    TEXT NOT NULL,
    size            INTEGER NOT NULL,
    sha256          TEXT NOT NULL,
    blob_id         INTEGER REFERENCES evidence_blobs(id),
    carried_from    INTEGER,
    created_by      INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_by_name TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMP NOT NULL,
    superseded_at   TIMESTAMP,
    removed_at      TIMESTAMP
);
CREATE INDEX evidence_files_target ON evidence_files(assessment_id, contribution_id, indicator_key);
CREATE INDEX evidence_files_blob ON evidence_files(blob_id);
CREATE INDEX evidence_files_series ON evidence_files(series_id);
CREATE INDEX evidence_files_contribution ON evidence_files(contribution_id);

-- +goose Down
DROP TABLE evidence_files;
DROP TABLE evidence_chunks;
DROP TABLE evidence_blobs;
