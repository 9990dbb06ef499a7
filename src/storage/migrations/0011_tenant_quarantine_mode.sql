-- How quarantine removes a message from a mailbox (moved to a hidden folder, or deleted once its
-- bytes are in Mailward's quarantine) is now the tenant's choice, in its policy settings. A
-- mailbox's own quarantine_mode becomes an optional override: NULL follows the tenant.
-- Mailboxes added before keep the mode they were given.
ALTER TABLE mailbox_connections ALTER COLUMN quarantine_mode DROP NOT NULL;
ALTER TABLE mailbox_connections ALTER COLUMN quarantine_mode DROP DEFAULT;
