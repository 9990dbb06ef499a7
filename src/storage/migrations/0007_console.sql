-- The analyst's console: people who log in, their sessions, the verdicts of other layers
-- (provider, gateway, another vendor, user reports) next to Mailward's own, and the indexes the
-- quarantine list filters on.

-- A person with a password (scrypt, `scrypt$N$r$p$salt$hash`). One account may manage several
-- tenants (an MSP), with its own role in each.
CREATE TABLE users (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  email TEXT NOT NULL UNIQUE CHECK (email = lower(email) AND email <> ''),
  name TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_login_at TIMESTAMPTZ,
  disabled_at TIMESTAMPTZ
);

CREATE TABLE user_tenants (
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  tenant_id UUID NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'read-only')),
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, tenant_id)
);
CREATE INDEX user_tenants_by_tenant ON user_tenants (tenant_id, created_at);

-- A browser session: the cookie holds a random token, the table only its SHA-256. A session is
-- either a user's (tenant switchable among the user's tenants) or an API key's (fixed tenant).
CREATE TABLE console_sessions (
  token_hash TEXT PRIMARY KEY,
  user_id UUID REFERENCES users (id) ON DELETE CASCADE,
  api_key_id UUID REFERENCES api_keys (id) ON DELETE CASCADE,
  tenant_id UUID NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at TIMESTAMPTZ NOT NULL,
  CHECK ((user_id IS NULL) <> (api_key_id IS NULL))
);
CREATE INDEX console_sessions_by_expiry ON console_sessions (expires_at);

-- What another layer said about a message: the provider's filter (read from its headers), an
-- on-premise gateway (SpamAssassin, Rspamd headers), another vendor (pushed through the API) or a
-- user's report. One row per (message, layer); a later verdict of the same layer replaces it.
CREATE TABLE layer_verdicts (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id UUID NOT NULL,
  message_id UUID NOT NULL,
  layer TEXT NOT NULL CHECK (layer <> ''),
  kind TEXT NOT NULL CHECK (kind IN ('provider', 'gateway', 'vendor', 'user-report')),
  verdict TEXT NOT NULL CHECK (verdict IN ('clean', 'graymail', 'spam', 'suspicious', 'phish', 'malware')),
  caught BOOLEAN NOT NULL,
  score DOUBLE PRECISION,
  details JSONB NOT NULL DEFAULT '{}',
  source TEXT NOT NULL CHECK (source IN ('headers', 'api')),
  recorded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, message_id, layer),
  FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX layer_verdicts_caught ON layer_verdicts (tenant_id, kind, message_id) WHERE caught;

-- Quarantine filters: sender domain and recipient are equalities the planner can use an index
-- for; the list itself pages on quarantine_by_state_time.
CREATE INDEX messages_by_sender_domain ON messages (tenant_id, (split_part(from_address, '@', 2)), received_at DESC);
CREATE INDEX messages_by_recipient ON messages USING gin (to_addresses);
