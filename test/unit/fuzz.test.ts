/**
 * Robustness: thousands of mutated and truncated messages go through the full engine. None may
 * crash the process, throw out of `scan`, or hang. Seeded, so a failure reproduces.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { VERDICT_CLASSES } from '../../src/core/verdict.ts';
import { createEngine } from '../../src/pipeline/create-engine.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const ITERATIONS = Number(process.env.MAILWARD_FUZZ_ITERATIONS ?? 3000);
const PER_SCAN_LIMIT_MS = 10_000;

function seeds(): Uint8Array[] {
  const files = readdirSync(FIXTURES, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.eml'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const builtIn = [
    'From: "IT" <it@corp.example>\r\nTo: a@corp.example\r\nSubject: =?utf-8?B?UGFzc3dvcmQ=?=\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary="x"\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nReset at https://corp.example.login.example/\r\n--x\r\nContent-Type: text/html\r\n\r\n<a href="http://198.51.100.7/">https://corp.example</a><form action="https://x.example"><input type=password></form>\r\n--x--\r\n',
    'From: a@b.example\r\nContent-Type: multipart/mixed; boundary="o"\r\n\r\n--o\r\nContent-Type: application/zip; name="a.zip"\r\nContent-Transfer-Encoding: base64\r\n\r\nUEsDBBQAAAAIAAAAIQAAAAAAAAAAAAAAAAAFAAAAYS5leGVLTEkEAA==\r\n--o\r\nContent-Type: message/rfc822\r\n\r\nFrom: c@d.example\r\nSubject: inner\r\n\r\nhi\r\n--o--\r\n',
  ].map((s) => new TextEncoder().encode(s));
  return [...builtIn, ...files.map((f) => new Uint8Array(readFileSync(f)))];
}

/** mulberry32: small, fast, seedable. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SNIPPETS = [
  '\r\n',
  '\r\n\r\n',
  '--',
  'Content-Type: multipart/mixed; boundary="',
  '=?utf-8?B?',
  '<a href="',
  '<',
  '>',
  '\u0000',
  'Content-Transfer-Encoding: base64\r\n',
  'begin 644 x\r\n',
  '%PDF-1.7 /JavaScript',
  'PK\u0003\u0004',
].map((s) => new TextEncoder().encode(s));

function mutate(input: Uint8Array, random: () => number): Uint8Array {
  const pick = (n: number) => Math.floor(random() * n);
  let bytes = input;
  const rounds = 1 + pick(4);
  for (let r = 0; r < rounds; r++) {
    const at = pick(bytes.length + 1);
    switch (pick(5)) {
      case 0:
        bytes = bytes.slice(0, at);
        break;
      case 1: {
        const copy = bytes.slice();
        for (let i = 0; i < 1 + pick(16) && copy.length > 0; i++) copy[pick(copy.length)] = pick(256);
        bytes = copy;
        break;
      }
      case 2: {
        const end = Math.min(bytes.length, at + pick(200));
        bytes = concat(bytes.slice(0, at), bytes.slice(end));
        break;
      }
      case 3: {
        const end = Math.min(bytes.length, at + pick(400));
        const chunk = bytes.slice(at, end);
        bytes = concat(bytes.slice(0, end), ...Array.from({ length: 1 + pick(8) }, () => chunk), bytes.slice(end));
        break;
      }
      default:
        bytes = concat(bytes.slice(0, at), SNIPPETS[pick(SNIPPETS.length)], bytes.slice(at));
    }
  }
  return bytes;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

describe('fuzzed messages', () => {
  it(`survive ${ITERATIONS} mutations without a crash, a throw or a hang`, { timeout: 600_000 }, async () => {
    const engine = createEngine();
    const corpus = seeds();
    const random = rng(20261123);
    let unscannable = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      const input = mutate(corpus[i % corpus.length], random);
      let timer: NodeJS.Timeout | undefined;
      const hang = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`scan ${i} did not finish within ${PER_SCAN_LIMIT_MS} ms`)), PER_SCAN_LIMIT_MS);
      });
      const report = await Promise.race([engine.scan(input), hang]).finally(() => clearTimeout(timer));
      assert.ok(VERDICT_CLASSES.includes(report.verdict.class), `scan ${i} gave verdict ${report.verdict.class}`);
      assert.ok(Number.isFinite(report.verdict.score), `scan ${i} gave score ${report.verdict.score}`);
      if (report.unscannable) unscannable++;
    }
    // Most mutants still parse: if nearly all were unscannable the fuzzer would test nothing.
    assert.ok(unscannable < ITERATIONS / 2, `${unscannable} of ${ITERATIONS} mutants were unscannable`);
  });
});
