/**
 * Helpers for the auth detector tests: fixtures, DKIM keys made at test time, and a run of
 * all auth detectors that keeps thrown temperrors apart from signals.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type DKIMSignOptions, dkimSign } from 'mailauth';
import type { SignalHit } from '../../core/signal.ts';
import { contextFor, type TestContextOptions } from '../../pipeline/testing.ts';
import { authDetectors } from './index.ts';

const FIXTURES = new URL('../../../test/fixtures/auth/', import.meta.url);

/** A fixture message with CRLF line endings, as it travels. */
export function fixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8').replace(/\r?\n/g, '\r\n');
}

/** Trusted ids for a Gmail mailbox and a Microsoft 365 tenant. */
export const GMAIL = ['mx.google.com'];
export const MICROSOFT = ['mx.microsoft.com', '*.outlook.com', '*.office365.com', '*.exchangelabs.com'];

export interface TestKey {
  privateKey: string;
  /** The TXT record value to publish under `selector._domainkey.domain`. */
  record: string;
}

export function rsaKey(): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    record: `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`,
  };
}

export async function dkimSigned(message: string, domain: string, selector: string, key: TestKey): Promise<string> {
  // mailauth's typings want the signature fields at the top level too; the code reads signatureData.
  const options = { signatureData: [{ signingDomain: domain, selector, privateKey: key.privateKey }] } as DKIMSignOptions;
  const result = await dkimSign(message, options);
  if (result.errors.length > 0) throw new Error(`signing failed: ${String(result.errors[0].err)}`);
  return result.signatures + message;
}

export interface AuthRun {
  hits: Map<string, SignalHit>;
  /** Detector id -> message of the error it threw (recorded as a temperror by the runner). */
  errors: Map<string, string>;
}

/** Runs every auth detector on one message, as the engine would. */
export async function runAuth(raw: string, options: TestContextOptions = {}): Promise<AuthRun> {
  const ctx = await contextFor(raw, options);
  const run: AuthRun = { hits: new Map(), errors: new Map() };
  for (const detector of authDetectors) {
    try {
      for (const hit of await detector.run(ctx, new AbortController().signal)) run.hits.set(hit.id, hit);
    } catch (error) {
      run.errors.set(detector.id, error instanceof Error ? error.message : String(error));
    }
  }
  return run;
}

/** DNS for the fixture domains (RFC 2606 names): what their owners publish. */
export const FIXTURE_ZONE: Record<string, Record<string, unknown[]>> = {
  'shop.example': { TXT: [['v=spf1 ip4:198.51.100.0/24 -all']] },
  '_dmarc.shop.example': { TXT: [['v=DMARC1; p=quarantine']] },
  'bank.example': { TXT: [['v=spf1 ip4:192.0.2.0/24 -all']] },
  '_dmarc.bank.example': { TXT: [['v=DMARC1; p=reject; rua=mailto:dmarc@bank.example']] },
  'partner.example': { TXT: [['v=spf1 include:spf.protection.outlook.com -all']] },
  'spf.protection.outlook.com': { TXT: [['v=spf1 ip4:40.107.0.0/16 ip4:52.100.0.0/14 -all']] },
  '_dmarc.partner.example': { TXT: [['v=DMARC1; p=reject']] },
  'signer.example': { TXT: [['v=spf1 ip4:192.0.2.0/24 -all']] },
  '_dmarc.signer.example': { TXT: [['v=DMARC1; p=reject']] },
};
