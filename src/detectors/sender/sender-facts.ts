import { headerValues } from '../../mime/types.ts';
import type { ScanContext } from '../../pipeline/scan-context.ts';
import { isFreemail } from '../shared/freemail.ts';
import { declaresBulkMail, isBulkSenderDomain } from './bulk-senders.ts';
import { domainOfAddress, siteOf } from './domains.ts';

/**
 * The sender-side facts every sender detector compares, derived once per message and shared
 * through `ctx.feature`. When the parser could not read the From address (phishing kits often
 * write `Name ,_<a@b>`), the address is recovered from the raw header so the comparisons still work.
 */
export interface SenderFacts {
  /** Raw From field values; more than one is itself an oddity. */
  fromHeaders: string[];
  displayName: string;
  /** Lower-cased From address, possibly recovered from a malformed header; empty when there is none. */
  fromAddress: string;
  fromDomain: string;
  /** Registrable domain of the From address. */
  fromSite: string;
  /** True when the address came from the raw header because the parser could not read it. */
  fromRecovered: boolean;
  fromIsFreemail: boolean;
  /** The envelope sender (SMTP MAIL FROM), else the Return-Path header; empty for a null sender. */
  bounceAddress: string;
  bounceDomain: string;
  /** Registrable domains of the protected organisation, free-mail providers left out. */
  orgSites: ReadonlySet<string>;
  /** True when the message says it is list or bulk mail, or was sent through a known service provider. */
  bulk: boolean;
}

const ANGLE_ADDRESS = /<\s*([^<>\s@]+@[^<>\s@]+?)\s*>/g;
const BARE_ADDRESS = /([^\s<>"',;:@]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+)/i;

export function senderFacts(ctx: ScanContext): SenderFacts {
  return ctx.feature('sender.facts', computeSenderFacts);
}

function computeSenderFacts(ctx: ScanContext): SenderFacts {
  const message = ctx.message;
  const fromHeaders = headerValues(message, 'from');
  let fromAddress = message.from?.address ?? '';
  let fromRecovered = false;
  if (!fromAddress.includes('@') && fromHeaders.length > 0) {
    fromAddress = recoverAddress(fromHeaders[0]);
    fromRecovered = fromAddress !== '';
  }
  const fromDomain = domainOfAddress(fromAddress);
  const bounceAddress = (ctx.envelope.mailFrom ?? message.returnPath).trim().toLowerCase().replace(/^<|>$/g, '');
  const bounceDomain = domainOfAddress(bounceAddress);
  const orgSites = new Set(
    ctx
      .orgDomains()
      .filter((domain) => !isFreemail(domain))
      .map(siteOf)
      .filter(Boolean),
  );
  return {
    fromHeaders,
    displayName: message.from?.name ?? '',
    fromAddress,
    fromDomain,
    fromSite: siteOf(fromDomain),
    fromRecovered,
    fromIsFreemail: isFreemail(fromDomain),
    bounceAddress,
    bounceDomain,
    orgSites,
    bulk: declaresBulkMail(message) || (bounceDomain !== '' && isBulkSenderDomain(bounceDomain)),
  };
}

/** The last angle-bracketed address in a raw From value, else a bare address in it. */
function recoverAddress(raw: string): string {
  let last = '';
  for (const match of raw.matchAll(ANGLE_ADDRESS)) last = match[1];
  if (!last) last = BARE_ADDRESS.exec(raw)?.[1] ?? '';
  return last.toLowerCase();
}
