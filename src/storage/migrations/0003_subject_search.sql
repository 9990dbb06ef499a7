-- "Subject contains ..." searches: a trigram index lets ILIKE '%text%' find rare words without
-- reading every message of the tenant. pg_trgm ships with PostgreSQL (trusted, so a database
-- owner may create it) and is bundled with PGlite.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX messages_subject_trigrams ON messages USING gin (subject gin_trgm_ops);
