import { POLICY_ACTIONS } from '../../config/service-config.ts';
import { VERDICT_CLASSES } from '../../core/verdict.ts';
import { QUARANTINE_MODES } from '../../storage/mailbox-connections.ts';

const senderList = {
  type: 'object',
  additionalProperties: false,
  properties: {
    senders: { type: 'array', maxItems: 10000, items: { type: 'string', maxLength: 320 }, description: 'Exact addresses.' },
    domains: { type: 'array', maxItems: 10000, items: { type: 'string', maxLength: 253 }, description: 'Domains; also cover subdomains.' },
  },
} as const;

/** The tenant's policy document; what is left out takes its default. */
export const tenantSettingsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    thresholds: {
      type: 'object',
      additionalProperties: false,
      description: 'Score thresholds overriding the defaults.',
      properties: {
        suspicious: { type: 'number' },
        phish: { type: 'number' },
        malware: { type: 'number' },
        spam: { type: 'number' },
      },
    },
    allowList: senderList,
    blockList: senderList,
    signalWeights: {
      type: 'object',
      description: 'Weight overrides by signal id, e.g. `{ "URL_IP_HOST": 2 }`.',
      propertyNames: { pattern: '^[A-Z][A-Z0-9_]*$' },
      additionalProperties: { type: 'number' },
    },
    vipNames: {
      type: 'array',
      maxItems: 1000,
      items: { type: 'string', minLength: 1, maxLength: 200 },
      description:
        'Names of people attackers impersonate (executives, finance, HR), e.g. `["Jane Doe"]`: mail from outside the organisation using one as its display name is flagged.',
    },
    policy: {
      type: 'object',
      additionalProperties: false,
      description:
        "What each verdict class does for this tenant, and how quarantine works in its mailboxes; classes (and dryRun) left out follow the service's policy.",
      properties: {
        dryRun: { type: 'boolean', description: 'Record the action that would run and move nothing.' },
        quarantineMode: {
          type: 'string',
          enum: [...QUARANTINE_MODES],
          description:
            'How quarantine takes a message out of a connected mailbox: `folder` (default) moves it to a folder the user does not see; `delete` deletes it (its bytes stay in Mailward). A mailbox may set its own.',
        },
        actions: {
          type: 'object',
          additionalProperties: false,
          properties: Object.fromEntries(VERDICT_CLASSES.map((verdict) => [verdict, { type: 'string', enum: [...POLICY_ACTIONS] }])),
        },
      },
    },
    retention: {
      type: 'object',
      additionalProperties: false,
      properties: {
        cleanDays: { type: 'integer', minimum: 1, maximum: 3650, description: 'Days to keep clean and graymail messages.' },
        threatDays: { type: 'integer', minimum: 1, maximum: 3650, description: 'Days to keep flagged and unscanned messages.' },
      },
    },
  },
} as const;
