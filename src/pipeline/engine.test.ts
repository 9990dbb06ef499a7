import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SignalDefinition } from '../core/signal.ts';
import type { ScoringConfig } from '../scoring/scoring-config.ts';
import type { Detector } from './detector.ts';
import { Engine } from './engine.ts';

const scoring: ScoringConfig = { thresholds: { suspicious: 5, phish: 9, malware: 6, spam: 5 }, groupCaps: {}, weights: {}, composites: [] };
const signal = (id: string, weight: number): SignalDefinition => ({
  id,
  group: 'links',
  weight,
  indicates: 'phish',
  description: `${id} seen`,
});
const message = new TextEncoder().encode('From: Alice <alice@example.com>\r\nTo: bob@example.net\r\nSubject: hello\r\n\r\nHi Bob\r\n');

const firing = (id: string, weight: number): Detector => ({
  id: `test.${id.toLowerCase()}`,
  stage: 'analyze',
  signals: [signal(id, weight)],
  run: () => [{ id, evidence: ['seen'] }],
});

describe('Engine', () => {
  it('runs detectors and explains the verdict with their signals', async () => {
    const engine = new Engine({ detectors: [firing('URL_ONE', 6)], scoring });
    const report = await engine.scan(message);
    assert.equal(report.verdict.class, 'suspicious');
    assert.deepEqual(
      report.signals.map((s) => [s.id, s.contribution, s.detector]),
      [['URL_ONE', 6, 'test.url_one']],
    );
    assert.equal(report.message.subject, 'hello');
    assert.equal(report.message.from, 'alice@example.com');
  });

  it('records a timed-out detector as temperror and still returns a verdict', async () => {
    const slow: Detector = {
      id: 'test.slow',
      stage: 'analyze',
      signals: [signal('URL_SLOW', 10)],
      timeoutMs: 30,
      run: (_ctx, abort) =>
        new Promise((resolve) => {
          const timer = setTimeout(() => resolve([{ id: 'URL_SLOW', evidence: [] }]), 5000);
          abort.addEventListener('abort', () => clearTimeout(timer));
        }),
    };
    const report = await new Engine({ detectors: [slow, firing('URL_ONE', 1)], scoring }).scan(message);
    assert.deepEqual(report.errors, [{ detector: 'test.slow', kind: 'temperror', message: 'did not finish within 30 ms' }]);
    assert.deepEqual(
      report.signals.map((s) => s.id),
      ['URL_ONE'],
    );
  });

  it('records a throwing detector and an undeclared signal without failing the scan', async () => {
    const broken: Detector = {
      id: 'test.broken',
      stage: 'analyze',
      signals: [],
      run: () => {
        throw new Error('resolver exploded');
      },
    };
    const sloppy: Detector = { id: 'test.sloppy', stage: 'analyze', signals: [], run: () => [{ id: 'URL_UNDECLARED', evidence: [] }] };
    const report = await new Engine({ detectors: [broken, sloppy], scoring }).scan(message);
    assert.equal(report.verdict.class, 'clean');
    assert.deepEqual(
      report.errors.map((e) => [e.detector, e.kind]),
      [
        ['test.broken', 'temperror'],
        ['test.sloppy', 'permerror'],
      ],
    );
  });

  it('lets correlate detectors read what analyze found', async () => {
    const correlate: Detector = {
      id: 'test.correlate',
      stage: 'correlate',
      signals: [signal('URL_BOTH', 4)],
      run: (ctx) => (ctx.analyzeHits.has('URL_ONE') ? [{ id: 'URL_BOTH', evidence: ['URL_ONE seen'] }] : []),
    };
    const report = await new Engine({ detectors: [firing('URL_ONE', 1), correlate], scoring }).scan(message);
    assert.ok(report.signals.some((s) => s.id === 'URL_BOTH'));
  });

  it('reports input that is not email as unscannable instead of throwing', async () => {
    const report = await new Engine({ detectors: [firing('URL_ONE', 1)], scoring }).scan(new Uint8Array([0, 1, 2, 3, 255]));
    assert.equal(report.unscannable?.code, 'INPUT_NOT_EMAIL');
    assert.equal(report.signals[0].id, 'MIME_UNPARSEABLE');
    assert.equal(report.verdict.class, 'suspicious');
  });

  it('reports an oversized message as unscannable with the limit in the reason', async () => {
    const limits = { ...(await import('../mime/limits.ts')).DEFAULT_MIME_LIMITS, maxBytes: 10 };
    const report = await new Engine({ detectors: [], scoring, limits }).scan(message);
    assert.equal(report.unscannable?.code, 'MIME_LIMIT_EXCEEDED');
    assert.match(report.unscannable?.reason ?? '', /over the 10-byte limit/);
  });

  it('applies tenant allow and block lists in the prefilter', async () => {
    const engine = new Engine({ detectors: [firing('URL_ONE', 6)], scoring });
    const allowed = await engine.scan(message, { settings: { allowSenders: ['example.com'] } });
    assert.equal(allowed.verdict.class, 'clean');
    assert.ok(allowed.signals.some((s) => s.id === 'POLICY_SENDER_ALLOWED'));
    const blocked = await engine.scan(message, { settings: { blockSenders: ['alice@example.com'] } });
    assert.ok(blocked.signals.some((s) => s.id === 'POLICY_SENDER_BLOCKED'));
    assert.notEqual(blocked.verdict.class, 'clean');
  });

  it('hands post hooks a copy: they cannot change the verdict', async () => {
    const engine = new Engine({
      detectors: [firing('URL_ONE', 6)],
      scoring,
      postHooks: [
        (report) => {
          (report.verdict as { class: string }).class = 'clean';
        },
      ],
    });
    assert.equal((await engine.scan(message)).verdict.class, 'suspicious');
  });
});
