import { readFileSync } from 'node:fs';

/** Raw bytes of a test message under test/fixtures/prompt-injection/ (tests only). */
export function fixture(name: string): Uint8Array {
  return readFileSync(new URL(`../../../test/fixtures/prompt-injection/${name}`, import.meta.url));
}
