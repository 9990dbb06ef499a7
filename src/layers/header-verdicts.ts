import { isFlagged, type VerdictClass } from '../core/verdict.ts';
import { headerFields } from '../ingest/header-facts.ts';
import type { LayerVerdict } from './layer-verdict.ts';

type Fields = Array<{ name: string; value: string }>;

/**
 * The verdicts other filters wrote into a message's headers before it reached the mailbox:
 * Microsoft 365 (X-Forefront-Antispam-Report, X-Microsoft-Antispam), Google (X-Gm-Spam,
 * X-Gm-Phishy), SpamAssassin (X-Spam-Status, X-Spam-Flag) and Rspamd (X-Spamd-Result,
 * X-Rspamd-Action, X-Rspamd-Score).
 *
 * Each filter prepends its headers on the way in, so the topmost copy is the one written closest
 * to delivery; a sender can forge these headers, but only below the real ones, so only the first
 * occurrence of each is read. Never throws: unknown values are kept in `details` and ignored.
 */
export function layerVerdictsFromHeaders(raw: Uint8Array): LayerVerdict[] {
  const fields = headerFields(raw);
  return [microsoft365(fields), google(fields), spamAssassin(fields), rspamd(fields)].filter((v): v is LayerVerdict => v !== null);
}

function first(fields: Fields, name: string): string | undefined {
  return fields.find((f) => f.name === name)?.value;
}

/** `KEY:value;KEY:value;...` as a map with upper-case keys. */
function semicolonPairs(value: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const part of value.split(';')) {
    const colon = part.indexOf(':');
    if (colon <= 0) continue;
    pairs.set(part.slice(0, colon).trim().toUpperCase(), part.slice(colon + 1).trim());
  }
  return pairs;
}

function numberOrNull(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

const MS_CATEGORY_VERDICT: Record<string, VerdictClass> = {
  MALW: 'malware',
  AMP: 'malware',
  SAP: 'malware',
  FTBP: 'malware',
  HPHSH: 'phish',
  HPHISH: 'phish',
  PHSH: 'phish',
  INTOS: 'phish',
  SPOOF: 'phish',
  DIMP: 'phish',
  UIMP: 'phish',
  GIMP: 'phish',
  HSPM: 'spam',
  SPM: 'spam',
  OSPM: 'spam',
  BULK: 'graymail',
};

const MS_CATEGORY_WORDS: Record<string, string> = {
  MALW: 'malware',
  AMP: 'anti-malware',
  SAP: 'Safe Attachments',
  FTBP: 'blocked file type',
  HPHSH: 'high-confidence phishing',
  HPHISH: 'high-confidence phishing',
  PHSH: 'phishing',
  INTOS: 'intra-organisation phishing',
  SPOOF: 'spoofing',
  DIMP: 'domain impersonation',
  UIMP: 'user impersonation',
  GIMP: 'mailbox intelligence impersonation',
  HSPM: 'high-confidence spam',
  SPM: 'spam',
  OSPM: 'outbound spam',
  BULK: 'bulk mail',
};

const MS_FILTER_WORDS: Record<string, string> = {
  SPM: 'marked spam by the spam filter',
  NSPM: 'not spam',
  BLK: 'blocked: the sender is on a block list',
  SKB: 'blocked: the sender is on a block list',
  SKS: 'marked spam by a mail flow rule before filtering',
  SFE: 'skipped filtering: the sender is on a safe senders list',
  SKA: 'skipped filtering: allowed by policy',
  SKI: 'skipped filtering: mail inside the organisation',
  SKN: 'marked not spam by a mail flow rule before filtering',
  SKQ: 'released from quarantine',
};

/** The verdict classes in the order they outrank each other (worst wins). */
const RANK: VerdictClass[] = ['clean', 'graymail', 'spam', 'suspicious', 'phish', 'malware'];
function worst(a: VerdictClass, b: VerdictClass): VerdictClass {
  return RANK.indexOf(a) >= RANK.indexOf(b) ? a : b;
}

/** Microsoft 365 / Exchange Online Protection: SFV (filter verdict), SCL, CAT, and BCL from X-Microsoft-Antispam. */
function microsoft365(fields: Fields): LayerVerdict | null {
  const report = first(fields, 'x-forefront-antispam-report');
  const antispam = first(fields, 'x-microsoft-antispam');
  const orgScl = first(fields, 'x-ms-exchange-organization-scl');
  if (report === undefined && antispam === undefined && orgScl === undefined) return null;
  const pairs = semicolonPairs(report ?? '');
  const sfv = pairs.get('SFV')?.toUpperCase();
  const scl = numberOrNull(pairs.get('SCL')) ?? numberOrNull(orgScl);
  const categories = (pairs.get('CAT') ?? '')
    .toUpperCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  const bcl = numberOrNull(semicolonPairs(antispam ?? '').get('BCL'));

  let verdict: VerdictClass = 'clean';
  for (const category of categories) verdict = worst(verdict, MS_CATEGORY_VERDICT[category] ?? 'clean');
  if (sfv === 'SPM' || sfv === 'SKS' || sfv === 'BLK' || sfv === 'SKB' || (scl !== null && scl >= 5)) verdict = worst(verdict, 'spam');
  // Bulk complaint level 7 and above is Microsoft's default bulk threshold.
  if (bcl !== null && bcl >= 7) verdict = worst(verdict, 'graymail');

  const words: string[] = [];
  if (sfv) words.push(MS_FILTER_WORDS[sfv] ?? `filter verdict ${sfv}`);
  if (scl !== null) words.push(`spam confidence level ${scl}${scl === -1 ? ' (filtering bypassed)' : ''}`);
  if (categories.length > 0) words.push(`category ${categories.map((c) => MS_CATEGORY_WORDS[c] ?? c).join(', ')}`);
  if (bcl !== null) words.push(`bulk complaint level ${bcl}`);
  const details: LayerVerdict['details'] = { summary: `Microsoft 365: ${words.join('; ') || 'no verdict fields'}.` };
  if (sfv) details.sfv = sfv;
  if (scl !== null) details.scl = scl;
  if (categories.length > 0) details.categories = categories;
  if (bcl !== null) details.bcl = bcl;
  const country = pairs.get('CTRY');
  if (country) details.country = country;
  const ip = pairs.get('CIP');
  if (ip) details.connectingIp = ip;
  return { layer: 'microsoft-365', kind: 'provider', verdict, caught: isFlagged(verdict), score: scl, details };
}

/** Gmail / Google Workspace: X-Gm-Spam and X-Gm-Phishy are 0 or 1. */
function google(fields: Fields): LayerVerdict | null {
  const spam = first(fields, 'x-gm-spam');
  const phishy = first(fields, 'x-gm-phishy');
  if (spam === undefined && phishy === undefined) return null;
  const isPhishy = phishy?.trim() === '1';
  const isSpam = spam?.trim() === '1';
  const verdict: VerdictClass = isPhishy ? 'phish' : isSpam ? 'spam' : 'clean';
  const summary = isPhishy ? 'Google: marked as phishing.' : isSpam ? 'Google: marked as spam.' : 'Google: not spam.';
  return {
    layer: 'google',
    kind: 'provider',
    verdict,
    caught: isFlagged(verdict),
    score: null,
    details: { summary, spam: isSpam, phishy: isPhishy },
  };
}

/** SpamAssassin: `X-Spam-Status: Yes, score=7.2 required=5.0 tests=A,B autolearn=no` and `X-Spam-Flag: YES`. */
function spamAssassin(fields: Fields): LayerVerdict | null {
  const status = first(fields, 'x-spam-status');
  const flag = first(fields, 'x-spam-flag');
  if (status === undefined && flag === undefined) return null;
  const isSpam = /^\s*yes\b/i.test(status ?? '') || /^\s*yes\b/i.test(flag ?? '');
  const score = numberOrNull(/\bscore=(-?[\d.]+)/i.exec(status ?? '')?.[1]);
  const required = numberOrNull(/\brequired=(-?[\d.]+)/i.exec(status ?? '')?.[1]);
  const tests = (/\btests=([^\s,=]+(?:,\s*[^\s,=]+)*)/i.exec(status ?? '')?.[1] ?? '')
    .split(/,\s*/)
    .filter((t) => t && t.toLowerCase() !== 'none');
  const verdict: VerdictClass = isSpam ? 'spam' : 'clean';
  const scoreWords = score !== null ? ` (score ${score}${required !== null ? ` of ${required} needed` : ''})` : '';
  const details: LayerVerdict['details'] = {
    summary: `SpamAssassin: ${isSpam ? 'spam' : 'not spam'}${scoreWords}${tests.length > 0 ? `; rules ${tests.slice(0, 12).join(', ')}` : ''}.`,
  };
  if (required !== null) details.required = required;
  if (tests.length > 0) details.tests = tests;
  return { layer: 'spamassassin', kind: 'gateway', verdict, caught: isSpam, score, details };
}

const RSPAMD_ACTION_VERDICT: Record<string, VerdictClass> = {
  reject: 'spam',
  'add header': 'spam',
  'rewrite subject': 'spam',
  'soft reject': 'suspicious',
  greylist: 'clean',
  'no action': 'clean',
};

/** Rspamd: the action it chose, and the score from X-Spamd-Result (`default: True [15.50 / 15.00]; ...`) or X-Rspamd-Score. */
function rspamd(fields: Fields): LayerVerdict | null {
  const result = first(fields, 'x-spamd-result');
  const actionHeader = first(fields, 'x-rspamd-action');
  const scoreHeader = first(fields, 'x-rspamd-score');
  if (result === undefined && actionHeader === undefined && scoreHeader === undefined) return null;
  const summaryMatch = /default:\s*(True|False)\s*\[\s*(-?[\d.]+)\s*\/\s*(-?[\d.]+)\s*\]/i.exec(result ?? '');
  const score = numberOrNull(summaryMatch?.[2]) ?? numberOrNull(scoreHeader);
  const threshold = numberOrNull(summaryMatch?.[3]);
  const action = actionHeader?.trim().toLowerCase();
  let verdict: VerdictClass = action ? (RSPAMD_ACTION_VERDICT[action] ?? 'clean') : 'clean';
  if (!action && summaryMatch?.[1].toLowerCase() === 'true') verdict = 'spam';
  const symbols = (result ?? '')
    .split(';')
    .slice(1)
    .map((s) => /^\s*([A-Z0-9_]+)/.exec(s)?.[1])
    .filter((s): s is string => Boolean(s));
  const details: LayerVerdict['details'] = {
    summary: `Rspamd: ${action ? `action "${action}"` : isFlagged(verdict) ? 'spam' : 'not spam'}${score !== null ? ` (score ${score}${threshold !== null ? ` of ${threshold}` : ''})` : ''}.`,
  };
  if (action) details.action = action;
  if (threshold !== null) details.threshold = threshold;
  if (symbols.length > 0) details.symbols = symbols.slice(0, 40);
  return { layer: 'rspamd', kind: 'gateway', verdict, caught: isFlagged(verdict), score, details };
}
