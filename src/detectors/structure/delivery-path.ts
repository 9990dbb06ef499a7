/**
 * structure.delivery-path: the machine that handed the message to the recipient's servers
 * introduced itself with a name no real mail server uses.
 *
 * Catches: `from tzkoittdaooizdldaxpwhkjqxldrnei.uazey1 (203.0.113.7) by mx…` (a random HELO
 * name outside any real top-level domain), `from [203.0.113.7] by mx…` (a bare address), `from
 * DESKTOP-7QK2M1 (203.0.113.7)` (a workstation sending directly).
 * Known false positives: small self-run servers that announce a short local name (`nas1`,
 * `mailhost`); only the handover hop is judged, never the sender's own internal hops, and
 * authenticated submissions are skipped.
 */
import { parse } from 'tldts';
import { clipEvidence, type SignalDefinition } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import { handoverHop } from './received.ts';

/** The input is already a host name: skip tldts' URL handling. */
const HOST_ONLY = { extractHostname: false, mixedInputs: false, validateHosts: false } as const;
const BARE_IP = /^\[?(?:\d{1,3}\.){3}\d{1,3}\]?$|^\[ipv6:/i;

const signals = [
  {
    id: 'STRUCT_RELAY_BAD_HELO',
    group: 'mime',
    weight: 1.5,
    indicates: 'spam',
    description: 'The server that handed the message over introduced itself with a bare IP address or a name outside any real domain',
  },
] as const satisfies readonly SignalDefinition[];

function badHelo(helo: string): string | undefined {
  if (BARE_IP.test(helo)) return 'HELO is a bare IP address';
  const parsed = parse(helo.toLowerCase(), HOST_ONLY);
  if (!parsed.isIcann && !parsed.isPrivate) return 'HELO name is not under a real top-level domain';
  return undefined;
}

export const deliveryPathDetector: Detector = {
  id: 'structure.delivery-path',
  stage: 'analyze',
  signals,
  run(ctx) {
    const hop = handoverHop(ctx);
    if (!hop) return [];
    const reason = badHelo(hop.helo);
    if (!reason) return [];
    return [
      {
        id: 'STRUCT_RELAY_BAD_HELO',
        evidence: [clipEvidence(`from ${hop.helo} (${hop.rdns || '-'} ${hop.ip}) by ${hop.by}`, 140), reason],
      },
    ];
  },
};
