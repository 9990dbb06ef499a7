import type { Queryable } from '../storage/db.ts';
import { LayerVerdictsRepository } from '../storage/layer-verdicts.ts';
import { layerVerdictsFromHeaders } from './header-verdicts.ts';

/** Stores the verdicts the provider and gateways wrote into the message's headers; returns how many. */
export async function recordHeaderLayers(db: Queryable, tenantId: string, messageId: string, raw: Uint8Array): Promise<number> {
  const verdicts = layerVerdictsFromHeaders(raw);
  const repo = new LayerVerdictsRepository(db);
  for (const verdict of verdicts) await repo.record(tenantId, messageId, verdict, 'headers');
  return verdicts.length;
}
