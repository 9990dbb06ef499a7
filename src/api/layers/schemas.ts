import { VERDICT_CLASSES } from '../../core/verdict.ts';
import { LAYER_KINDS } from '../../layers/layer-verdict.ts';
import { dateTime, uuid } from '../shared/schemas.ts';

export const layerVerdictSchema = {
  type: 'object',
  properties: {
    messageId: uuid,
    layer: { type: 'string', description: '`microsoft-365`, `google`, `spamassassin`, `rspamd`, or a vendor name.' },
    kind: { type: 'string', enum: [...LAYER_KINDS] },
    verdict: { type: 'string', enum: [...VERDICT_CLASSES] },
    caught: { type: 'boolean', description: 'The layer acted on the message or called it a threat.' },
    score: { type: ['number', 'null'], description: "The layer's own score, in its own scale." },
    details: { type: 'object', additionalProperties: true, properties: { summary: { type: 'string' } } },
    source: { type: 'string', enum: ['headers', 'api'] },
    recordedAt: dateTime,
  },
} as const;
