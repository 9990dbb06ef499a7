-- Mailbox connectors: how to reach a connected mailbox (credentials sealed with the service's
-- secret key), where its sync stands (the cursor), and where each of its messages sits now, so
-- post-delivery actions can find it and undo what they did.

CREATE TABLE mailbox_connections (
  tenant_id UUID NOT NULL,
  mailbox_id UUID NOT NULL,
  host TEXT NOT NULL CHECK (host <> ''),
  port INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
  tls BOOLEAN NOT NULL,
  username TEXT NOT NULL CHECK (username <> ''),
  auth_kind TEXT NOT NULL CHECK (auth_kind IN ('password', 'oauth2')),
  -- Non-secret OAuth2 facts (token endpoint, client id, scope); secrets live in `sealed_secret`.
  oauth JSONB NOT NULL DEFAULT '{}',
  -- AES-256-GCM, key from MAILWARD_SECRET_KEY: never readable from the database alone.
  sealed_secret TEXT NOT NULL,
  inbox_folder TEXT NOT NULL DEFAULT 'INBOX',
  quarantine_mode TEXT NOT NULL DEFAULT 'folder' CHECK (quarantine_mode IN ('folder', 'delete')),
  quarantine_folder TEXT NOT NULL DEFAULT 'Mailward Quarantine',
  backlog_days INTEGER NOT NULL DEFAULT 7 CHECK (backlog_days BETWEEN 0 AND 365),
  -- The sync cursor: UIDVALIDITY and the highest UID seen; a new UIDVALIDITY means a full resync.
  cursor_uid_validity TEXT,
  cursor_last_uid BIGINT NOT NULL DEFAULT 0,
  cursor_modseq TEXT,
  last_sync_at TIMESTAMPTZ,
  -- Which connector process watches the mailbox, until when (renewed while it runs).
  watcher_id TEXT,
  watcher_until TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, mailbox_id),
  FOREIGN KEY (tenant_id, mailbox_id) REFERENCES mailboxes (tenant_id, id) ON DELETE CASCADE
);

-- Where a message sits in its mailbox now. `placement` says what the user sees: the original
-- in the inbox, a banner copy, nothing (quarantined or deleted), or the message in junk.
CREATE TABLE message_locations (
  tenant_id UUID NOT NULL,
  message_id UUID NOT NULL,
  mailbox_id UUID NOT NULL,
  folder TEXT NOT NULL,
  uid_validity TEXT NOT NULL,
  uid BIGINT NOT NULL,
  internal_date TIMESTAMPTZ NOT NULL,
  placement TEXT NOT NULL DEFAULT 'inbox' CHECK (placement IN ('inbox', 'junk', 'quarantine-folder', 'removed', 'banner')),
  -- The banner copy's bytes: the sync recognises its own copy and does not scan it as new mail.
  banner_sha256 TEXT,
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, message_id),
  FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX message_locations_by_banner ON message_locations (tenant_id, mailbox_id, banner_sha256) WHERE banner_sha256 IS NOT NULL;
