-- +goose Up
-- Confidentiality marking per assessment (issue 14): printed on the
-- report's cover and on every page. Existing assessments are Internal.
ALTER TABLE assessments ADD COLUMN marking TEXT NOT NULL DEFAULT 'internal'
    CHECK (marking IN ('public', 'internal', 'restricted', 'confidential'));

-- +goose Down
ALTER TABLE assessments DROP COLUMN marking;
