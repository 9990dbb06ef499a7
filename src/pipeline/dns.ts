import { promises as dnsPromises } from 'node:dns';

/**
 * The resolver every detector uses, with the same shape as `dns.promises.resolve`
 * (and what mailauth's `resolver` option expects). Injected so tests pass a fixed zone
 * and offline evaluation does no network I/O.
 */
export type DnsResolver = (name: string, rrtype: string) => Promise<unknown[]>;

/** Answers every query with ENOTFOUND-like failure immediately: for offline scans and evaluation. */
export const offlineResolver: DnsResolver = async (name) => {
  throw offlineError(name);
};

/**
 * The refusal, without a stack trace: a scan makes several lookups, capturing a stack for each
 * cost more than the rest of the lookup, and a refusal by design has no caller worth tracing.
 */
function offlineError(name: string): NodeJS.ErrnoException {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const error = new Error(`DNS lookups are disabled (offline scan): ${name}`) as NodeJS.ErrnoException;
    error.code = 'ECONNREFUSED';
    return error;
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** The system resolver with a per-query timeout, so a slow DNS server cannot stall a scan. */
export function systemResolver(timeoutMs = 2000): DnsResolver {
  const resolver = new dnsPromises.Resolver({ timeout: timeoutMs, tries: 2 });
  return (name, rrtype) => resolver.resolve(name, rrtype) as Promise<unknown[]>;
}

/**
 * A fixed zone for tests: `{ 'example.com': { TXT: [['v=spf1 -all']] } }`.
 * Unknown names fail with ENOTFOUND, as the real resolver does.
 */
export function zoneResolver(zone: Record<string, Record<string, unknown[]>>): DnsResolver {
  return async (name, rrtype) => {
    const records = zone[name.toLowerCase().replace(/\.$/, '')]?.[rrtype.toUpperCase()];
    if (!records) {
      const error = new Error(`queryTxt ENOTFOUND ${name}`) as NodeJS.ErrnoException;
      error.code = 'ENOTFOUND';
      throw error;
    }
    return records;
  };
}
