/**
 * Lookalike domains: hosts built to be mistaken for a protected domain (a brand's, the
 * recipient organisation's). Pure functions and a small index, shared by link and sender
 * detectors, so `paypa1.com` or `аpple.com` (Cyrillic а) is judged the same everywhere.
 *
 * What counts as "looks like":
 * - homoglyph: same skeleton once confusable characters are folded (`rn`→`m`, Cyrillic `а`→`a`, `0`→`o`).
 * - edit distance: one typo away (two for long names), e.g. `micosoft.com`.
 * - TLD swap: same name under another suffix, e.g. `paypal.co`.
 * - subdomain: the protected name as a subdomain label of an unrelated domain, e.g. `paypal.com.verify.example`.
 * - hyphenated: the protected name as one hyphen-separated part of another name, e.g. `paypal-secure-login.example`.
 * The protected domains themselves (and their subdomains) never match.
 */
import { domainToUnicode } from 'node:url';
import { parse } from 'tldts';

export type LookalikeKind = 'homoglyph' | 'edit-distance' | 'tld-swap' | 'subdomain' | 'hyphenated';

export interface LookalikeMatch {
  kind: LookalikeKind;
  /** The protected registrable domain that is imitated. */
  target: string;
  /** Who owns the target (brand name or organisation), for evidence. */
  owner: string;
}

export interface ProtectedDomain {
  /** Registrable domain, e.g. `paypal.com`. */
  domain: string;
  owner: string;
  /**
   * False for names that are ordinary words (`office`, `live`, `zoom`): those only match as exact
   * homoglyph skeletons, never by typo, TLD swap or embedding, which would fire on everyday domains.
   */
  distinctive: boolean;
}

/**
 * Characters that render like a Latin letter, grouped by the letter they pass for (Cyrillic,
 * Greek, Armenian and Latin variants, and ASCII digits and signs read as letters). `i` folds to
 * `l` with `1` and `|`: all are one upright stroke in many fonts.
 */
const LOOKALIKES_OF: Record<string, string> = {
  a: 'аαɑ@',
  b: 'вьβß',
  c: 'сϲ',
  d: 'ԁđ',
  e: 'еёε',
  g: 'ɡցɢ',
  h: 'һнհħ',
  j: 'јȷ',
  k: 'кκ',
  l: 'іїӏιıłƚɩ1i|!',
  m: 'м',
  n: 'пηոռ',
  o: 'оοօᴏø0',
  p: 'рρ',
  q: 'ԛ',
  r: 'г',
  s: 'ѕ$',
  t: 'тτ',
  u: 'υս',
  v: 'ν',
  w: 'ԝω',
  x: 'хχ',
  y: 'уүγ',
};
const CONFUSABLE_CHARS: Record<string, string> = Object.fromEntries(
  Object.entries(LOOKALIKES_OF).flatMap(([letter, sources]) => [...sources].map((source) => [source, letter])),
);
/** Letter pairs read as one letter at a glance. Applied after single characters are folded. */
const CONFUSABLE_PAIRS: [RegExp, string][] = [
  [/rn/g, 'm'],
  [/vv/g, 'w'],
  [/nn/g, 'm'],
];
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * The visual skeleton of a name: what remains when every confusable character is folded to one
 * representative. Two names with the same skeleton look alike to a reader.
 */
export function skeleton(value: string): string {
  const folded = value.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
  let out = '';
  for (const char of folded) out += CONFUSABLE_CHARS[char] ?? char;
  for (const [pattern, replacement] of CONFUSABLE_PAIRS) out = out.replace(pattern, replacement);
  return out;
}

/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions, adjacent swaps),
 * giving up early: returns `max + 1` as soon as the distance is known to exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const width = b.length + 1;
  if (width > rows[0].length) for (let r = 0; r < 3; r++) rows[r] = new Int32Array(width * 2);
  let prevPrev = rows[0];
  let prev = rows[1];
  let current = rows[2];
  for (let j = 0; j < width; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j < width; j++) {
      const cb = b.charCodeAt(j - 1);
      let value = prev[j - 1] + (ca === cb ? 0 : 1);
      if (prev[j] + 1 < value) value = prev[j] + 1;
      if (current[j - 1] + 1 < value) value = current[j - 1] + 1;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb && prevPrev[j - 2] + 1 < value)
        value = prevPrev[j - 2] + 1;
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    const recycled = prevPrev;
    prevPrev = prev;
    prev = current;
    current = recycled;
  }
  return Math.min(prev[width - 1], max + 1);
}
/** Scratch rows reused by `editDistance` (single-threaded, never re-entered). */
const rows: Int32Array[] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** How many typos still make a lookalike of a name of this length: none for short names, where any typo is another word. */
export function typoBudget(length: number): number {
  if (length >= 9) return 2;
  if (length >= 5) return 1;
  return 0;
}

/** The parts of a host that lookalike checks compare, with punycode turned into what the reader sees. */
export interface HostParts {
  /** Registrable domain (ASCII/punycode as written), empty for IPs and bare suffixes. */
  domain: string;
  /** Registrable label without the suffix, as displayed (Unicode). */
  label: string;
  suffix: string;
  /** Subdomain as displayed (Unicode), may be empty. */
  subdomain: string;
}

/**
 * Top-level names reserved for documentation, testing and private networks (RFC 2606, RFC 6761
 * and common intranet habits). They are not on the public suffix list, yet a host under them is a
 * real name to the reader; anything else off the list is a typo or garbage and is not compared.
 */
const RESERVED_TLDS = new Set(['test', 'example', 'invalid', 'localhost', 'local', 'internal', 'corp', 'lan', 'home', 'intranet']);

/** True when the host ends in a listed public suffix or a reserved top-level name. */
export function hasKnownSuffix(parsed: { isIcann: boolean | null; publicSuffix: string | null }): boolean {
  return parsed.isIcann === true || RESERVED_TLDS.has(parsed.publicSuffix ?? '');
}

export function hostParts(host: string): HostParts | undefined {
  const parsed = parse(host);
  if (parsed.isIp || !parsed.domain || !parsed.publicSuffix || !hasKnownSuffix(parsed)) return undefined;
  const display = (value: string) => (value.includes('xn--') ? domainToUnicode(value) || value : value);
  return {
    domain: parsed.domain,
    label: display(parsed.domainWithoutSuffix ?? ''),
    suffix: parsed.publicSuffix,
    subdomain: display(parsed.subdomain ?? ''),
  };
}

interface IndexedDomain extends ProtectedDomain {
  label: string;
  suffix: string;
  skeleton: string;
}

const SUBDOMAIN_TOKENS = /[.-]/;
/**
 * Country-code suffixes sold worldwide as generic names (`.co`, `.io`, `.me`...). Under any other
 * country code, a brand's name is usually the brand's own country site (`google.ro`, `amazon.in`).
 */
const GENERIC_COUNTRY_CODES = new Set([
  'co',
  'io',
  'me',
  'ly',
  'cc',
  'tv',
  'ws',
  'su',
  'ai',
  'gg',
  'sh',
  'la',
  'cx',
  'nu',
  'pw',
  'tk',
  'ml',
  'ga',
  'cf',
  'gq',
]);

/** True when a suffix places a name in one country (`de`, `co.uk`, `com.br`) rather than worldwide. */
export function isCountrySuffix(suffix: string): boolean {
  const last = suffix.slice(suffix.lastIndexOf('.') + 1);
  return last.length === 2 && !(suffix === last && GENERIC_COUNTRY_CODES.has(last));
}
const KIND_RANK: Record<LookalikeKind, number> = { homoglyph: 5, 'edit-distance': 4, 'tld-swap': 3, hyphenated: 2, subdomain: 1 };

/**
 * Protected domains prepared once for many lookups. `match(host)` says whether a host imitates
 * one of them, and how; hosts under any protected domain (or under `alsoOwn`) never match.
 * Verdicts per registrable domain are remembered, so an index is cheap to reuse across messages.
 */
export class LookalikeIndex {
  readonly #entries: IndexedDomain[];
  readonly #own: Set<string>;
  /** Distinctive names, for the subdomain check (`paypal.secure.example`). */
  readonly #byLabel = new Map<string, IndexedDomain>();
  readonly #domainVerdicts = new Map<string, LookalikeMatch | null>();

  constructor(domains: readonly ProtectedDomain[], alsoOwn: Iterable<string> = []) {
    this.#own = new Set([...alsoOwn, ...domains.map((d) => d.domain)].map((d) => d.toLowerCase()));
    this.#entries = [];
    for (const entry of domains) {
      const parts = hostParts(entry.domain);
      if (!parts || parts.label.length < 2) continue;
      const indexed = { ...entry, domain: parts.domain, label: parts.label, suffix: parts.suffix, skeleton: skeleton(parts.label) };
      this.#entries.push(indexed);
      if (entry.distinctive && !this.#byLabel.has(parts.label)) this.#byLabel.set(parts.label, indexed);
    }
  }

  /** True when the host is a protected domain or one of its subdomains. */
  isOwn(host: string): boolean {
    const domain = parse(host).domain;
    return domain !== null && this.#own.has(domain);
  }

  match(host: string): LookalikeMatch | undefined {
    const parts = hostParts(host);
    if (!parts || this.#own.has(parts.domain)) return undefined;
    let verdict = this.#domainVerdicts.get(parts.domain);
    if (verdict === undefined) {
      verdict = this.#matchName(parts) ?? null;
      if (this.#domainVerdicts.size >= VERDICT_CACHE_LIMIT) this.#domainVerdicts.clear();
      this.#domainVerdicts.set(parts.domain, verdict);
    }
    if (verdict) return verdict;
    if (!parts.subdomain) return undefined;
    for (const token of parts.subdomain.split(SUBDOMAIN_TOKENS)) {
      const entry = this.#byLabel.get(token);
      if (entry) return { kind: 'subdomain', target: entry.domain, owner: entry.owner };
    }
    return undefined;
  }

  /** Lookalikes decided by the registrable name alone: homoglyph, suffix swap, typo, hyphenated. */
  #matchName(parts: HostParts): LookalikeMatch | undefined {
    const sameName = this.#entries.filter((entry) => entry.label === parts.label);
    if (sameName.length > 0) {
      // The very name under another suffix: a suffix swap or nothing, never a "typo" of a sibling name.
      const entry = sameName.find((e) => e.distinctive && e.suffix !== parts.suffix);
      return entry && !isCountrySuffix(parts.suffix) ? { kind: 'tld-swap', target: entry.domain, owner: entry.owner } : undefined;
    }
    const labelSkeleton = skeleton(parts.label);
    const labelTokens = parts.label.split('-').filter(Boolean);
    const tokenSkeletons = labelTokens.length > 1 ? labelTokens.map(skeleton) : [];
    let best: LookalikeMatch | undefined;
    const consider = (kind: LookalikeKind, entry: IndexedDomain) => {
      if (!best || KIND_RANK[kind] > KIND_RANK[best.kind]) best = { kind, target: entry.domain, owner: entry.owner };
    };
    for (const entry of this.#entries) {
      if (labelSkeleton === entry.skeleton) return { kind: 'homoglyph', target: entry.domain, owner: entry.owner };
      if (!entry.distinctive) continue;
      const budget = typoBudget(entry.label.length);
      if (budget > 0 && parts.label.length >= 5 && editDistance(parts.label, entry.label, budget) <= budget) {
        consider('edit-distance', entry);
      } else if (tokenSkeletons.includes(entry.skeleton)) {
        consider('hyphenated', entry);
      }
    }
    return best;
  }
}

const VERDICT_CACHE_LIMIT = 20_000;

/** Scripts whose letters are mistaken for Latin ones; mixing them in one label has no honest use. */
const CONFUSABLE_SCRIPTS = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
] as const;

/**
 * Which of Latin, Cyrillic, Greek and Armenian appear in a domain label (as displayed). Latin mixed
 * with Han, Kana or Hangul is normal in East Asian names and is not reported here.
 */
export function confusableScriptsIn(label: string): string[] {
  return CONFUSABLE_SCRIPTS.filter(([, pattern]) => pattern.test(label)).map(([name]) => name);
}

/**
 * True when a non-ASCII label is written only with letters that pass for Latin ones
 * (`аррӏе` in Cyrillic reads as `apple`): a whole-script lookalike of some Latin name.
 */
export function isWholeScriptLookalike(label: string): boolean {
  if (!/[^\x00-\x7f]/.test(label)) return false;
  let letters = 0;
  for (const char of label.toLowerCase()) {
    if (char === '-' || (char >= '0' && char <= '9')) continue;
    if (char < '\x80' || !CONFUSABLE_CHARS[char]) return false;
    letters++;
  }
  return letters >= 3;
}
