-- +goose Up
-- Partner requests (issue 10, item 11): an organisation is shared with
-- only if its owners accept partner requests. NGOs and international
-- partners, which exist to receive shared reports, accept from the start.
ALTER TABLE organisations ADD COLUMN accepts_partner_requests BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE organisations SET accepts_partner_requests = TRUE WHERE kind IN ('ngo', 'international');

-- +goose Down
ALTER TABLE organisations DROP COLUMN accepts_partner_requests;
