-- Core schema: tenants, their mailboxes, messages with raw MIME and scan reports, quarantine,
-- actions, audit, settings, API keys and remembered "not a threat" decisions.
-- Every tenant-owned table carries tenant_id, and child rows point at their parent through
-- (tenant_id, id), so the database itself refuses a row that mixes two tenants.

CREATE TABLE tenants (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  name TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Journal copies arrive at one address for every tenant; the recipient domain says whose mail
-- it is, so one domain belongs to exactly one tenant.
CREATE TABLE tenant_domains (
  domain TEXT PRIMARY KEY CHECK (domain = lower(domain) AND domain <> ''),
  tenant_id UUID NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX tenant_domains_by_tenant ON tenant_domains (tenant_id);

-- Policy as one JSON document: its shape grows with the product without a migration each time;
-- typed accessors in tenant-settings.ts fill in defaults.
CREATE TABLE tenant_settings (
  tenant_id UUID PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  settings JSONB NOT NULL DEFAULT '{}',
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE mailboxes (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id UUID NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  address TEXT NOT NULL,
  provider TEXT NOT NULL,
  display_name TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'error', 'disabled')),
  last_error TEXT,
  last_error_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, provider, address),
  UNIQUE (tenant_id, id)
);

-- Raw MIME, compressed, once per tenant and content hash: journal copies of one message to many
-- mailboxes share a row. Kept per tenant (not shared across tenants) so deleting a tenant's mail
-- deletes its bytes, and one tenant can never learn that another holds the same message.
CREATE TABLE raw_messages (
  tenant_id UUID NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  sha256 TEXT NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
  compression TEXT NOT NULL CHECK (compression IN ('gzip')),
  content BYTEA NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, sha256)
);

CREATE TABLE messages (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id UUID NOT NULL,
  mailbox_id UUID NOT NULL,
  provider_message_id TEXT NOT NULL,
  message_id_header TEXT,
  from_address TEXT NOT NULL DEFAULT '',
  from_name TEXT NOT NULL DEFAULT '',
  to_addresses TEXT[] NOT NULL DEFAULT '{}',
  subject TEXT NOT NULL DEFAULT '',
  sent_at TIMESTAMPTZ,
  received_at TIMESTAMPTZ NOT NULL,
  size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
  sha256 TEXT NOT NULL,
  -- The latest report's verdict, copied here so lists filter and page on one index.
  verdict_class TEXT,
  verdict_score DOUBLE PRECISION,
  scanned_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, mailbox_id, provider_message_id),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, mailbox_id) REFERENCES mailboxes (tenant_id, id) ON DELETE CASCADE,
  -- No cascade: a raw blob cannot disappear while a message still points at it.
  FOREIGN KEY (tenant_id, sha256) REFERENCES raw_messages (tenant_id, sha256)
);
CREATE INDEX messages_by_time ON messages (tenant_id, received_at DESC, id DESC);
CREATE INDEX messages_by_verdict_time ON messages (tenant_id, verdict_class, received_at DESC, id DESC);
CREATE INDEX messages_by_sender_time ON messages (tenant_id, from_address, received_at DESC, id DESC);
CREATE INDEX messages_by_sha256 ON messages (tenant_id, sha256);
CREATE INDEX messages_by_message_id_header ON messages (tenant_id, message_id_header);

CREATE TABLE scan_reports (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id UUID NOT NULL,
  message_id UUID NOT NULL,
  verdict_class TEXT NOT NULL,
  score DOUBLE PRECISION NOT NULL,
  reasons JSONB NOT NULL DEFAULT '[]',
  engine_version TEXT NOT NULL,
  signals JSONB NOT NULL DEFAULT '[]',
  errors JSONB NOT NULL DEFAULT '[]',
  unscannable_code TEXT,
  unscannable_reason TEXT,
  summary JSONB NOT NULL,
  timings JSONB NOT NULL,
  scanned_at TIMESTAMPTZ NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX scan_reports_by_message ON scan_reports (tenant_id, message_id, scanned_at DESC, id DESC);

-- One entry per message; its state moves quarantined -> released | deleted (and back to
-- quarantined if the message is quarantined again).
CREATE TABLE quarantine_entries (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id UUID NOT NULL,
  message_id UUID NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('quarantined', 'released', 'deleted')),
  reason TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  quarantined_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  released_at TIMESTAMPTZ,
  deleted_at TIMESTAMPTZ,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, message_id),
  FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX quarantine_by_time ON quarantine_entries (tenant_id, quarantined_at DESC, id DESC);
CREATE INDEX quarantine_by_state_time ON quarantine_entries (tenant_id, state, quarantined_at DESC, id DESC);

-- Post-delivery actions, recorded before they run (planned) and after (done | failed). The
-- idempotency key makes planning the same action twice return the first row.
CREATE TABLE actions (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id UUID NOT NULL,
  message_id UUID NOT NULL,
  kind TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'done', 'failed')),
  idempotency_key TEXT NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  error TEXT,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  completed_at TIMESTAMPTZ,
  UNIQUE (tenant_id, idempotency_key),
  FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX actions_by_message ON actions (tenant_id, message_id, created_at);
CREATE INDEX actions_planned ON actions (tenant_id, created_at) WHERE state = 'planned';

-- Append-only: a trigger refuses UPDATE and DELETE, so the record of who did what cannot be
-- rewritten through the application. No cascade from tenants for the same reason.
CREATE TABLE audit_log (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id UUID NOT NULL REFERENCES tenants (id),
  actor_kind TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  action TEXT NOT NULL,
  target_kind TEXT,
  target_id TEXT,
  details JSONB NOT NULL DEFAULT '{}',
  at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_by_time ON audit_log (tenant_id, at DESC, id DESC);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

-- The secret is never stored: only its SHA-256 and a short random prefix, shown in lists and
-- used to find the row when a key is presented.
CREATE TABLE api_keys (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id UUID NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'read-only')),
  prefix TEXT NOT NULL UNIQUE,
  secret_hash TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_used_at TIMESTAMPTZ,
  revoked_at TIMESTAMPTZ
);
CREATE INDEX api_keys_by_tenant ON api_keys (tenant_id, created_at);

-- An analyst said "not a threat" for a sender, a sender domain or an address pattern (glob with
-- '*'); later mail that matches is trusted the same way.
CREATE TABLE not_threat_decisions (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id UUID NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('sender', 'domain', 'pattern')),
  value TEXT NOT NULL CHECK (value = lower(value) AND value <> ''),
  reason TEXT NOT NULL DEFAULT '',
  decided_by TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, kind, value)
);
