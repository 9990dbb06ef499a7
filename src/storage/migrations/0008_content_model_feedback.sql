-- What each tenant's analysts and users have taught the content model, and the reports users send.

-- A tenant's own layer over the shared content model: sparse weights over hashed features, stored
-- as little-endian (int32 index, float32 weight) pairs. One row per tenant, one writer at a time
-- (updates take the row lock), so concurrent decisions are applied one after the other.
CREATE TABLE tenant_model_layers (
  tenant_id UUID PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  weights BYTEA NOT NULL,
  updates INTEGER NOT NULL DEFAULT 0 CHECK (updates >= 0),
  updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every lesson the layer learned, with who taught it: an analyst's decision or a user's report.
CREATE TABLE model_feedback (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id UUID NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  message_sha256 TEXT NOT NULL,
  label TEXT NOT NULL CHECK (label IN ('threat', 'not-threat')),
  source TEXT NOT NULL CHECK (source IN ('analyst', 'user-report')),
  actor TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX model_feedback_by_time ON model_feedback (tenant_id, created_at DESC);

-- "Report phishing" from users (API or the report mailbox): what was reported, which stored
-- message it matched, the automatic triage, and the answer sent to the reporter.
CREATE TABLE user_reports (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id UUID NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  channel TEXT NOT NULL CHECK (channel IN ('api', 'mailbox')),
  reporter TEXT NOT NULL,
  -- The stored original when one was found; the reported copy's hash either way.
  message_id UUID,
  reported_sha256 TEXT NOT NULL,
  matched_by TEXT NOT NULL CHECK (matched_by IN ('id', 'message-id', 'sender-subject-body', 'none')),
  verdict_class TEXT NOT NULL,
  verdict_score DOUBLE PRECISION NOT NULL,
  reply_text TEXT NOT NULL DEFAULT '',
  reply_status TEXT NOT NULL DEFAULT 'none' CHECK (reply_status IN ('none', 'sent', 'failed')),
  reply_error TEXT NOT NULL DEFAULT '',
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, message_id) REFERENCES messages (tenant_id, id) ON DELETE SET NULL (message_id)
);
CREATE INDEX user_reports_by_time ON user_reports (tenant_id, created_at DESC);
