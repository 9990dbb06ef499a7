import { VERDICT_CLASSES } from '../../core/verdict.ts';
import { evaluateFolders } from '../../eval/behaviour-eval.ts';
import type { EvalResult, SetKind } from '../../eval/run-eval.ts';
import { createEngineWithoutModel } from '../../model/engine-without-model.ts';
import { createEngine } from '../../pipeline/create-engine.ts';
import type { ScanSettings } from '../../pipeline/scan-context.ts';
import { ENGINE_OPTIONS, parseOptions } from '../parse-options.ts';
import { CliUsageError } from '../usage-error.ts';

export const EVAL_HELP = `Usage: mailward eval --ham DIR... --threat DIR... [options]

Scans folders of messages (.eml, .eml.gz, mbox-style files with a leading 'From ' line),
counting identical messages once, and reports per folder: count, flagged, recall (threat
folders) or false-positive rate (ham folders), verdicts, the most frequent signals,
throughput and latency. No network I/O: DNS lookups are off.

Options:
  --ham DIR               folder of legitimate mail (repeatable)
  --threat DIR            folder of phishing / malware / scam mail (repeatable)
  --json                  print the figures as JSON (recall, fpr, msgs_per_sec, p50_ms, p99_ms ...)
  --show-misjudged N      list up to N missed threats and flagged ham messages per folder
  --min-recall R          exit 1 if overall threat recall is below R (0..1)
  --max-fpr R             exit 1 if overall ham false-positive rate is above R (0..1)
  --no-model              leave the content model out (heuristics only), to measure its gain
  --config FILE           scoring file layered over config/defaults
  --org-domain DOMAIN     the protected organisation's domain (repeatable)
  --trust-authserv ID     trust Authentication-Results stamped by this server (repeatable)
  --vip NAME              a person attackers impersonate, e.g. --vip "Jane Doe" (repeatable)
  --history DIR           the organisation's earlier mail (repeatable): learned by the behaviour
                          model in Date order first; then ham and threat folders are scanned
                          together in Date order and the model keeps learning from clean mail
  --learn                 use the behaviour model without history (it learns from the scanned
                          folders only, in Date order)
  --baseline              with --history: also scan the ham and threat folders without any
                          history (an empty behaviour model) and print both
  -h, --help              this help`;

export async function evalCommand(args: string[]): Promise<number> {
  const { values } = parseOptions(
    args,
    {
      ...ENGINE_OPTIONS,
      ham: { type: 'string', multiple: true },
      threat: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      'show-misjudged': { type: 'string' },
      'min-recall': { type: 'string' },
      'max-fpr': { type: 'string' },
      history: { type: 'string', multiple: true },
      learn: { type: 'boolean' },
      baseline: { type: 'boolean' },
      'no-model': { type: 'boolean' },
    },
    false,
  );
  if (values.help) {
    process.stdout.write(`${EVAL_HELP}\n`);
    return 0;
  }
  const sources: Array<{ kind: SetKind; dir: string }> = [
    ...(values.ham ?? []).map((dir) => ({ kind: 'ham' as const, dir })),
    ...(values.threat ?? []).map((dir) => ({ kind: 'threat' as const, dir })),
  ];
  if (sources.length === 0) throw new CliUsageError(`eval needs at least one --ham or --threat folder\n\n${EVAL_HELP}`);
  const minRecall = rate(values['min-recall'], '--min-recall');
  const maxFpr = rate(values['max-fpr'], '--max-fpr');
  const showMisjudged = values['show-misjudged'] ? Number.parseInt(values['show-misjudged'], 10) : 0;

  const settings: Partial<ScanSettings> = {
    orgDomains: values['org-domain'] ?? [],
    trustedAuthservIds: values['trust-authserv'] ?? [],
    vipNames: values.vip ?? [],
  };
  const history = values.history ?? [];
  const learning = history.length > 0 || values.learn === true;
  if (values.baseline && history.length === 0)
    throw new CliUsageError('--baseline compares against a run with --history: give --history DIR');
  const makeEngine = values['no-model'] ? createEngineWithoutModel : createEngine;
  const evaluate = (withHistory: string[]) =>
    evaluateFolders(values.config, sources, settings, learning ? withHistory : undefined, makeEngine);
  const result = await evaluate(history);
  // Without history the behaviour model has learned nothing: what the content detectors alone see.
  const baseline = values.baseline ? await evaluateFolders(values.config, sources, settings, undefined, makeEngine) : undefined;

  if (values.json) {
    const trim = (r: EvalResult) => ({
      ...r,
      sets: r.sets.map(({ misjudged, ...rest }) => ({ ...rest, misjudged: misjudged.slice(0, showMisjudged) })),
    });
    process.stdout.write(`${JSON.stringify(baseline ? { ...trim(result), without_history: trim(baseline) } : trim(result), null, 2)}\n`);
  } else {
    if (result.history) process.stdout.write(formatHistory(result));
    process.stdout.write(formatEval(result, showMisjudged));
    if (baseline)
      process.stdout.write(
        `\nThe same folders without history (the behaviour model has learned nothing):\n${formatEval(baseline, showMisjudged)}${formatComparison(result, baseline)}`,
      );
  }

  const failures: string[] = [];
  const { recall } = result.overall.threat;
  const { fpr } = result.overall.ham;
  if (minRecall !== undefined && recall !== undefined && recall < minRecall)
    failures.push(`recall ${pct(recall)} is below ${pct(minRecall)}`);
  if (maxFpr !== undefined && fpr !== undefined && fpr > maxFpr) failures.push(`false-positive rate ${pct(fpr)} is above ${pct(maxFpr)}`);
  for (const failure of failures) process.stderr.write(`mailward eval: target missed: ${failure}\n`);
  return failures.length > 0 ? 1 : 0;
}

function formatHistory(result: EvalResult): string {
  const h = result.history;
  if (!h) return '';
  return `history: ${h.count} messages learned in Date order (${h.flagged} flagged and not learned), ${(h.ms / 1000).toFixed(1)} s\n\n`;
}

/** Per folder: flagged share with history against without, so what learning adds is plain. */
export function formatComparison(withHistory: EvalResult, without: EvalResult): string {
  const lines = ['', 'set                       with history   without history'];
  for (const set of withHistory.sets) {
    const other = without.sets.find((s) => s.dir === set.dir);
    const rate = (s: { flagged: number; count: number } | undefined) => (s && s.count > 0 ? pct(s.flagged / s.count) : '-');
    lines.push(`${`${set.name} (${set.kind})`.padEnd(26)}${rate(set).padStart(12)}   ${rate(other).padStart(15)}`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatEval(result: EvalResult, showMisjudged: number): string {
  const header = ['set', 'kind', 'count', 'flagged', 'recall/FPR', ...VERDICT_CLASSES, 'msg/s', 'p50 ms', 'p99 ms'];
  const rows = result.sets.map((s) => [
    s.name,
    s.kind,
    String(s.count),
    String(s.flagged),
    s.kind === 'threat' ? `R ${pct(s.recall ?? 0)}` : `FPR ${pct(s.fpr ?? 0)}`,
    ...VERDICT_CLASSES.map((c) => String(s.confusion[c])),
    s.msgs_per_sec.toFixed(0),
    s.p50_ms.toFixed(2),
    s.p99_ms.toFixed(2),
  ]);
  const { ham, threat } = result.overall;
  rows.push([
    'overall',
    '',
    String(ham.count + threat.count),
    String(ham.flagged + threat.flagged),
    [threat.count ? `R ${pct(threat.recall ?? 0)}` : '', ham.count ? `FPR ${pct(ham.fpr ?? 0)}` : ''].filter(Boolean).join(' '),
    ...VERDICT_CLASSES.map((c) => String(result.sets.reduce((n, s) => n + s.confusion[c], 0))),
    result.overall.msgs_per_sec.toFixed(0),
    result.overall.p50_ms.toFixed(2),
    result.overall.p99_ms.toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const out = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ''];
  for (const s of result.sets) {
    const extra = [s.duplicates ? `${s.duplicates} duplicates skipped` : '', s.unscannable ? `${s.unscannable} unscannable` : '']
      .filter(Boolean)
      .join(', ');
    out.push(`${s.name} (${s.kind})${extra ? `: ${extra}` : ''}`);
    out.push(`  top signals: ${s.top_signals.map((t) => `${t.id} ${t.count}`).join(', ') || '(none)'}`);
    if (showMisjudged > 0 && s.misjudged.length > 0) {
      out.push(`  ${s.kind === 'threat' ? 'missed' : 'flagged'}: ${s.misjudged.length}`);
      for (const path of s.misjudged.slice(0, showMisjudged)) out.push(`    ${path}`);
    }
  }
  return `${out.join('\n')}\n`;
}

function pct(value: number): string {
  return `${(value * 100).toFixed(2)}%`;
}

function rate(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new CliUsageError(`${flag} takes a rate between 0 and 1, got '${value}'`);
  return n;
}
