import { dateTime, nullableDateTime, uuid } from '../shared/schemas.ts';

const folder = { type: 'string', minLength: 1, maxLength: 200 } as const;

export const addMailboxBody = {
  type: 'object',
  additionalProperties: false,
  required: ['address', 'host', 'port'],
  properties: {
    address: { type: 'string', format: 'email', maxLength: 320, description: 'The protected mailbox address.' },
    displayName: { type: 'string', maxLength: 200 },
    host: { type: 'string', minLength: 1, maxLength: 253, description: 'IMAP server, e.g. `outlook.office365.com`, `imap.gmail.com`.' },
    port: { type: 'integer', minimum: 1, maximum: 65535, description: '993 for IMAPS.' },
    tls: { type: 'boolean', description: 'Implicit TLS (IMAPS); default true.' },
    username: { type: 'string', minLength: 1, maxLength: 320, description: 'Login name; defaults to the address.' },
    password: { type: 'string', minLength: 1, maxLength: 1024, description: 'Password or app password. Stored encrypted, never returned.' },
    accessToken: { type: 'string', minLength: 1, maxLength: 8192, description: 'A fixed OAuth2 access token (XOAUTH2). Stored encrypted.' },
    oauth2: {
      type: 'object',
      additionalProperties: false,
      required: ['tokenUrl', 'clientId', 'refreshToken'],
      description: 'OAuth2 refresh grant (Microsoft 365, Gmail): Mailward gets access tokens itself. Secrets stored encrypted.',
      properties: {
        tokenUrl: { type: 'string', format: 'uri', maxLength: 500 },
        clientId: { type: 'string', minLength: 1, maxLength: 500 },
        clientSecret: { type: 'string', minLength: 1, maxLength: 2048 },
        refreshToken: { type: 'string', minLength: 1, maxLength: 8192 },
        scope: { type: 'string', maxLength: 1000 },
      },
    },
    inboxFolder: folder,
    quarantineMode: {
      type: 'string',
      enum: ['folder', 'delete'],
      description:
        "This mailbox's own quarantine mode, over the tenant policy's `quarantineMode`: `folder`: quarantined mail moves to a hidden folder; `delete`: it is deleted from the mailbox (its bytes stay in Mailward). Left out: the tenant's mode.",
    },
    quarantineFolder: folder,
    backlogDays: {
      type: 'integer',
      minimum: 0,
      maximum: 365,
      description: 'On first connection, scan mail received in the last N days (default 7).',
    },
  },
} as const;

export interface AddMailboxBody {
  address: string;
  displayName?: string;
  host: string;
  port: number;
  tls?: boolean;
  username?: string;
  password?: string;
  accessToken?: string;
  oauth2?: { tokenUrl: string; clientId: string; clientSecret?: string; refreshToken: string; scope?: string };
  inboxFolder?: string;
  quarantineMode?: 'folder' | 'delete';
  quarantineFolder?: string;
  backlogDays?: number;
}

export const mailboxSchema = {
  type: 'object',
  description: 'A protected mailbox. Credentials are never returned.',
  properties: {
    id: uuid,
    address: { type: 'string' },
    provider: { type: 'string' },
    displayName: { type: 'string' },
    status: { type: 'string', enum: ['active', 'paused', 'error', 'disabled'] },
    lastError: { type: ['string', 'null'], description: 'Why the last connection failed (e.g. `CONNECTOR_AUTH_FAILED: ...`).' },
    lastErrorAt: nullableDateTime,
    createdAt: dateTime,
    connection: {
      type: ['object', 'null'],
      properties: {
        host: { type: 'string' },
        port: { type: 'integer' },
        tls: { type: 'boolean' },
        username: { type: 'string' },
        authKind: { type: 'string', enum: ['password', 'oauth2'] },
        inboxFolder: { type: 'string' },
        quarantineMode: {
          type: ['string', 'null'],
          enum: ['folder', 'delete', null],
          description: "The mailbox's own mode; null follows the tenant policy's quarantineMode.",
        },
        quarantineFolder: { type: 'string' },
        backlogDays: { type: 'integer' },
        lastSyncAt: nullableDateTime,
        cursor: {
          type: ['object', 'null'],
          properties: { uidValidity: { type: 'string' }, lastUid: { type: 'integer' } },
        },
      },
    },
  },
} as const;

export const testResultSchema = {
  type: 'object',
  required: ['ok'],
  properties: {
    ok: { type: 'boolean' },
    error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } },
    mailbox: mailboxSchema,
  },
} as const;

export const pullBackBody = {
  type: 'object',
  additionalProperties: false,
  required: ['messageId'],
  properties: {
    messageId: { ...uuid, description: 'A message judged harmful; the same message is looked for in every protected mailbox.' },
    action: { type: 'string', enum: ['quarantine', 'junk', 'banner'], description: 'Default `quarantine`.' },
    reason: { type: 'string', maxLength: 500 },
  },
} as const;

export const pullBackResultSchema = {
  type: 'object',
  properties: {
    found: {
      type: 'integer',
      description: 'Copies of the message found across the tenant’s protected mailboxes (the given one included).',
    },
    planned: { type: 'integer', description: 'Actions planned now (copies already handled are not counted).' },
    mailboxes: { type: 'integer', description: 'Mailboxes holding a copy.' },
    messageIds: { type: 'array', items: uuid },
  },
} as const;

export const undoBody = {
  type: 'object',
  additionalProperties: false,
  required: ['messageId'],
  properties: {
    messageId: { ...uuid, description: 'A message Mailward bannered or moved to junk in its mailbox.' },
    reason: { type: 'string', maxLength: 500 },
  },
} as const;

export const undoResultSchema = {
  type: 'object',
  properties: {
    planned: { type: 'boolean', description: 'False when the same undo was already planned.' },
    from: { type: 'string', enum: ['banner', 'junk'], description: 'What is undone.' },
  },
} as const;
