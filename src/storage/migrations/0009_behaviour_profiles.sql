-- Each tenant's behaviour model (src/behaviour/): one row per learned entry, so a flush writes only
-- what changed since the last one. kind: sender (external address), domain (external registrable
-- domain), user (internal address), thread (Message-ID), meta (counters such as `learned`).
CREATE TABLE behaviour_profiles (
  tenant_id UUID NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('sender', 'domain', 'user', 'thread', 'meta')),
  key TEXT NOT NULL,
  data JSONB NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, kind, key)
);
