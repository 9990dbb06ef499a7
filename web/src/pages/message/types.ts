/**
 * What the message view reads from the API (`/messages/:id`, `/layers`, `/view`, `/audit`), as JSON
 * arrives (dates as strings). The server's types (e.g. src/api/message-view/build-view.ts) are not
 * imported: the console is built apart from the server, against the API it publishes.
 */
export interface Signal {
  id: string;
  group: string;
  indicates: string;
  description: string;
  contribution: number;
  evidence: string[];
}

export interface Detail {
  message: {
    id: string;
    from: string;
    fromName: string;
    to: string[];
    subject: string;
    receivedAt: string;
    sizeBytes: number;
    sha256: string;
  };
  report: {
    report: { verdict: { class: string; score: number; reasons: string[] }; signals: Signal[]; unscannable?: { reason: string } };
  } | null;
}

export interface Layers {
  mailward: { verdict: string; score: number; caught: boolean } | null;
  layers: Array<{
    layer: string;
    kind: string;
    verdict: string;
    caught: boolean;
    score: number | null;
    details: { summary: string };
    source: string;
  }>;
}

export interface View {
  headers: Array<{ name: string; value: string }>;
  authentication: Array<{ method: string; result: string; details: string }>;
  links: Array<{ text: string; href: string; target: string; via: string[]; host: string; kind: string; textMismatch: boolean }>;
  attachments: Array<{
    path: string;
    filename: string;
    declaredType: string;
    detectedType: string | null;
    size: number;
    sha256: string;
    sha1: string | null;
    md5: string | null;
    encrypted: boolean;
    findings: string[];
  }>;
  preview: { html: string | null; text: string };
  quarantine: { state: string; reason: string; quarantinedAt: string; releasedAt: string | null } | null;
}

export interface AuditEntry {
  id: number;
  actor: { kind: string; id: string };
  action: string;
  details: Record<string, unknown>;
  at: string;
}
