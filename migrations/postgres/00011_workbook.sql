-- +goose Up
-- Offline workbooks (issue 16): the key that signs a workbook's hidden
-- sheet, so a workbook is accepted back only by the installation that
-- wrote it and an edited hidden sheet is noticed. One row, made on first
-- use; kept in the database so every instance and the command line share
-- it, and a backup keeps downloaded workbooks importable after a restore.
CREATE TABLE workbook_keys (
    id         INTEGER PRIMARY KEY,
    secret     TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

-- +goose Down
DROP TABLE workbook_keys;
