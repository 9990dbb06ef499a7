/**
 * Parser for Authentication-Results header fields (RFC 8601), also used for
 * ARC-Authentication-Results (RFC 8617, with a leading `i=N;`) and Microsoft's
 * X-MS-Exchange-Authentication-Results.
 *
 * Real stamps bend the grammar, and the parser accepts what providers write:
 * - Microsoft 365 omits the authserv-id: `spf=pass (sender IP is 192.0.2.1) smtp.mailfrom=...`.
 * - Gmail puts the DMARC policy in a comment: `dmarc=fail (p=REJECT sp=REJECT dis=NONE)`.
 * - Unquoted values may contain `=` (`smtp.mailfrom=bounces+SRS=abc=3H@example.com`).
 * Nothing here decides trust: that is `trust-boundary.ts` and `provider-results.ts`.
 */

export interface AuthResultEntry {
  /** Lower-cased method: `spf`, `dkim`, `dmarc`, `arc`, `compauth`, ... */
  method: string;
  /** Lower-cased result keyword: `pass`, `fail`, `softfail`, `bestguesspass`, ... */
  result: string;
  /** The `reason=` value, if any (Microsoft's compauth puts its reason code there). */
  reason?: string;
  /** Other `key=value` pairs with lower-cased keys: `header.from`, `smtp.mailfrom`, `action`, ... */
  props: Record<string, string>;
  /** Comments inside this result, in order, without parentheses: `p=REJECT sp=REJECT dis=NONE`. */
  comments: string[];
}

export interface ParsedAuthResults {
  /** Lower-cased authserv-id; empty when the field has none (Microsoft 365's own stamp). */
  authservId: string;
  /** The `i=` instance of an ARC-Authentication-Results field. */
  instance?: number;
  results: AuthResultEntry[];
}

type Token = { kind: 'word' | 'quoted' | 'comment' | 'semi' | 'eq'; value: string; spaceBefore: boolean };

const MAX_FIELD_CHARS = 16_000;

/** Splits a field value into RFC 5322-ish tokens: comments (nested), quoted strings, `;`, `=`, words. */
function tokenize(input: string): Token[] {
  const text = input.length > MAX_FIELD_CHARS ? input.slice(0, MAX_FIELD_CHARS) : input;
  const tokens: Token[] = [];
  let i = 0;
  let spaceBefore = false;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      spaceBefore = true;
      i++;
      continue;
    }
    if (c === '(') {
      let depth = 1;
      let value = '';
      i++;
      while (i < text.length && depth > 0) {
        const d = text[i];
        if (d === '\\' && i + 1 < text.length) {
          value += text[i + 1];
          i += 2;
          continue;
        }
        if (d === '(') depth++;
        if (d === ')') depth--;
        if (depth > 0) value += d;
        i++;
      }
      tokens.push({ kind: 'comment', value: value.replace(/\s+/g, ' ').trim(), spaceBefore: true });
      spaceBefore = true;
      continue;
    }
    if (c === '"') {
      let value = '';
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        value += text[i];
        i++;
      }
      i++;
      tokens.push({ kind: 'quoted', value, spaceBefore });
    } else if (c === ';' || c === '=') {
      tokens.push({ kind: c === ';' ? 'semi' : 'eq', value: c, spaceBefore });
      i++;
    } else {
      let value = '';
      while (i < text.length && !/[\s()";=]/.test(text[i])) value += text[i++];
      tokens.push({ kind: 'word', value, spaceBefore });
    }
    spaceBefore = false;
  }
  return tokens;
}

function splitSegments(tokens: Token[]): Token[][] {
  const segments: Token[][] = [[]];
  for (const token of tokens) {
    if (token.kind === 'semi') segments.push([]);
    else segments[segments.length - 1].push(token);
  }
  return segments.filter((s) => s.length > 0);
}

/** Reads `key = value` pairs of one segment; a value runs on over glued `=`/words (`a=b=c`). */
function readPairs(segment: Token[]): { pairs: [string, string][]; comments: string[] } {
  const pairs: [string, string][] = [];
  const comments: string[] = [];
  const rest = segment.filter((t) => {
    if (t.kind === 'comment') comments.push(t.value);
    return t.kind !== 'comment';
  });
  let i = 0;
  while (i < rest.length) {
    const key = rest[i];
    if (key.kind !== 'word' || rest[i + 1]?.kind !== 'eq') {
      i++;
      continue;
    }
    i += 2;
    let value = '';
    if (rest[i] && (rest[i].kind === 'word' || rest[i].kind === 'quoted')) {
      value = rest[i].value;
      i++;
      while (rest[i] && !rest[i].spaceBefore && (rest[i].kind === 'word' || rest[i].kind === 'eq')) {
        value += rest[i].value;
        i++;
      }
    }
    pairs.push([key.value.toLowerCase(), value]);
  }
  return { pairs, comments };
}

function readEntry(segment: Token[]): AuthResultEntry | undefined {
  const { pairs, comments } = readPairs(segment);
  if (pairs.length === 0) return undefined;
  const [[methodSpec, result], ...others] = pairs;
  const entry: AuthResultEntry = { method: methodSpec.split('/')[0], result: result.toLowerCase(), props: {}, comments };
  for (const [key, value] of others) {
    if (key === 'reason' && entry.reason === undefined) entry.reason = value;
    else if (!(key in entry.props)) entry.props[key] = value;
  }
  return entry;
}

/**
 * Parses one field value (without the field name). `arc: true` reads the leading `i=N;` of
 * ARC-Authentication-Results. Never throws; unreadable parts are skipped.
 */
export function parseAuthResults(value: string, options: { arc?: boolean } = {}): ParsedAuthResults {
  const segments = splitSegments(tokenize(value));
  const parsed: ParsedAuthResults = { authservId: '', results: [] };
  let index = 0;
  if (options.arc && segments[0]) {
    const [name, eq, number] = segments[0];
    if (name?.value.toLowerCase() === 'i' && eq?.kind === 'eq' && /^\d+$/.test(number?.value ?? '')) {
      parsed.instance = Number(number.value);
      index = 1;
    }
  }
  const head = segments[index];
  if (head && !head.some((t) => t.kind === 'eq')) {
    const id = head.find((t) => t.kind === 'word' || t.kind === 'quoted');
    parsed.authservId = (id?.value ?? '').toLowerCase().replace(/\.$/, '');
    index++;
  }
  for (const segment of segments.slice(index)) {
    const entry = readEntry(segment);
    if (entry) parsed.results.push(entry);
  }
  return parsed;
}

/** The DMARC policy a stamp reports for a failing domain: Gmail's `(p=REJECT ...)`, `policy.dmarc=`, Microsoft's `action=`. */
export function stampedDmarcPolicy(entry: AuthResultEntry): 'reject' | 'quarantine' | 'none' | undefined {
  const fromComment = entry.comments.map((c) => /(?:^|\s)p=(reject|quarantine|none)\b/i.exec(c)?.[1]).find(Boolean);
  const candidates = [fromComment, entry.props['policy.dmarc'], entry.props.action?.replace(/^o(?=reject|quarantine)/i, '')];
  for (const candidate of candidates) {
    const policy = candidate?.toLowerCase();
    if (policy === 'reject' || policy === 'quarantine' || policy === 'none') return policy;
  }
  return undefined;
}
