/**
 * auth.received-results: what the receiving provider (Gmail, Microsoft 365, ...) already
 * concluded about the message, from its own Authentication-Results stamp (RFC 8601).
 *
 * An ICES sees mail after delivery, often without the SMTP client IP; the provider saw the
 * connection and stamped SPF, DKIM, DMARC and (Microsoft) composite authentication results.
 * Only stamps of `settings.trustedAuthservIds`, in the place that server writes them, count
 * (`provider-results.ts`); with no trusted ids configured this detector stays quiet.
 *
 * Catches: spoofed From domains the provider saw fail DMARC or Microsoft's implicit
 * composite authentication (`compauth=fail reason=001`, domains without DMARC), and senders
 * who write their own `Authentication-Results: mx.google.com; dmarc=pass` into the message
 * hoping a filter trusts it (forged results).
 * Known false positives: as for our own checks (forwarding breaks SPF/DKIM, p=none domains).
 * Our own checks (auth.spf/dkim/dmarc) often see the same fact: the auth group cap keeps the
 * pair from counting twice.
 */
import { clipEvidence, type SignalDefinition, type SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { stampedDmarcPolicy } from './auth-results-parse.ts';
import { DMARC_POLICY_FACTOR } from './dmarc.ts';
import { describeEntry, providerAuth, providerResults } from './provider-results.ts';

export const RECEIVED_RESULTS_SIGNALS = [
  {
    id: 'AUTH_PROVIDER_SPF_FAIL',
    group: 'auth',
    weight: 1.0,
    indicates: 'phish',
    description: "The receiving mail provider found that the sending server was not allowed to send for the sender's domain (SPF fail).",
  },
  {
    id: 'AUTH_PROVIDER_SPF_SOFTFAIL',
    group: 'auth',
    weight: 0.3,
    indicates: 'spam',
    description:
      "The receiving mail provider found that the sending server was probably not allowed to send for the sender's domain (SPF softfail).",
  },
  {
    id: 'AUTH_PROVIDER_DKIM_FAIL',
    group: 'auth',
    weight: 1.0,
    indicates: 'phish',
    description: 'The receiving mail provider found a DKIM signature that does not verify.',
  },
  {
    id: 'AUTH_PROVIDER_DMARC_FAIL',
    group: 'auth',
    weight: 2.5,
    indicates: 'phish',
    description: "The receiving mail provider found that the From domain failed DMARC. Weighed by the domain's policy.",
  },
  {
    id: 'AUTH_PROVIDER_DMARC_PASS',
    group: 'auth',
    weight: -0.5,
    indicates: 'none',
    description: 'The receiving mail provider authenticated the From domain (DMARC pass).',
  },
  {
    id: 'AUTH_PROVIDER_COMPAUTH_FAIL',
    group: 'auth',
    weight: 2.0,
    indicates: 'phish',
    description: "Microsoft's composite authentication failed: Microsoft 365 could not tie the message to the From domain.",
  },
  {
    id: 'AUTH_PROVIDER_RESULTS_FORGED',
    group: 'auth',
    weight: 3.0,
    indicates: 'phish',
    description: 'The message carries authentication results in the name of the receiving provider that the provider did not write.',
  },
] as const satisfies readonly SignalDefinition[];

/** Failing DKIM signatures weigh less when another one verified. */
const OTHER_SIGNATURE_PASSED = 0.3;
const COMPAUTH_FACTOR: Record<string, number> = { fail: 1, softfail: 0.5 };

export const receivedResultsDetector: Detector = {
  id: 'auth.received-results',
  stage: 'analyze',
  signals: RECEIVED_RESULTS_SIGNALS,
  run(ctx) {
    if (ctx.settings.trustedAuthservIds.length === 0) return [];
    const auth = providerAuth(ctx);
    const hits: SignalHit[] = [];

    const spf = providerResults(auth, 'spf');
    const spfEntry = spf?.entries[0];
    if (spf && spfEntry && (spfEntry.result === 'fail' || spfEntry.result === 'softfail')) {
      const id = spfEntry.result === 'fail' ? 'AUTH_PROVIDER_SPF_FAIL' : 'AUTH_PROVIDER_SPF_SOFTFAIL';
      hits.push({ id, evidence: [clipEvidence(describeEntry(spf.stamp, spfEntry))] });
    }

    const dkim = providerResults(auth, 'dkim');
    const dkimFailed = dkim?.entries.filter((e) => e.result === 'fail') ?? [];
    if (dkim && dkimFailed.length > 0) {
      const passed = dkim.entries.some((e) => e.result === 'pass');
      const evidence = dkimFailed.slice(0, 3).map((e) => clipEvidence(describeEntry(dkim.stamp, e)));
      hits.push({ id: 'AUTH_PROVIDER_DKIM_FAIL', factor: passed ? OTHER_SIGNATURE_PASSED : 1, evidence });
    }

    const dmarc = providerResults(auth, 'dmarc');
    const dmarcEntry = dmarc?.entries[0];
    const dmarcFailed = dmarcEntry?.result === 'fail';
    if (dmarc && dmarcEntry && dmarcFailed) {
      const policy = stampedDmarcPolicy(dmarcEntry) ?? 'none';
      hits.push({
        id: 'AUTH_PROVIDER_DMARC_FAIL',
        factor: DMARC_POLICY_FACTOR[policy],
        evidence: [clipEvidence(describeEntry(dmarc.stamp, dmarcEntry))],
      });
    } else if (dmarc && dmarcEntry?.result === 'pass') {
      hits.push({ id: 'AUTH_PROVIDER_DMARC_PASS', evidence: [clipEvidence(describeEntry(dmarc.stamp, dmarcEntry))] });
    }

    // compauth restates a DMARC failure (reason 000); it adds a fact only when DMARC did not fail.
    const compauth = providerResults(auth, 'compauth');
    const compauthEntry = compauth?.entries[0];
    if (compauth && compauthEntry && COMPAUTH_FACTOR[compauthEntry.result] && !dmarcFailed) {
      const evidence = [clipEvidence(describeEntry(compauth.stamp, compauthEntry))];
      hits.push({ id: 'AUTH_PROVIDER_COMPAUTH_FAIL', factor: COMPAUTH_FACTOR[compauthEntry.result], evidence });
    }

    if (auth.forged.length > 0) {
      const evidence = auth.forged.slice(0, 2).map((stamp) => {
        const summary = stamp.parsed.results.map((r) => `${r.method}=${r.result}`).join(' ');
        return clipEvidence(`${stamp.parsed.authservId}: ${summary || 'no results'} (below the provider's own stamp)`);
      });
      hits.push({ id: 'AUTH_PROVIDER_RESULTS_FORGED', evidence });
    }
    return hits;
  },
};
