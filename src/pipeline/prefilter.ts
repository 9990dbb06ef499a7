import type { SignalHit } from '../core/signal.ts';
import { ENGINE_SIGNALS } from './engine-signals.ts';
import type { ScanContext } from './scan-context.ts';

/**
 * The prefilter stage: tenant allow/block lists on the sender. It records a policy signal
 * rather than short-cutting the scan, so the report still shows what analysis found
 * (an allow-listed partner sending malware is worth seeing).
 */
export function prefilter(ctx: ScanContext): SignalHit[] {
  const from = ctx.message.from?.address ?? '';
  if (!from) return [];
  const hits: SignalHit[] = [];
  const blocked = matchingEntry(from, ctx.settings.blockSenders);
  if (blocked) hits.push({ id: ENGINE_SIGNALS.senderBlocked.id, evidence: [`${from} matches block-list entry ${blocked}`] });
  const allowed = matchingEntry(from, ctx.settings.allowSenders);
  if (allowed && !blocked) hits.push({ id: ENGINE_SIGNALS.senderAllowed.id, evidence: [`${from} matches allow-list entry ${allowed}`] });
  return hits;
}

/** `user@domain` matches exactly; `domain` or `@domain` matches the domain and its subdomains. */
export function matchingEntry(address: string, entries: string[]): string | undefined {
  const domain = address.slice(address.lastIndexOf('@') + 1);
  return entries.find((raw) => {
    const entry = raw.trim().toLowerCase();
    if (!entry) return false;
    if (entry.includes('@') && !entry.startsWith('@')) return entry === address;
    const d = entry.replace(/^@/, '').replace(/^\*\./, '');
    return domain === d || domain.endsWith(`.${d}`);
  });
}
