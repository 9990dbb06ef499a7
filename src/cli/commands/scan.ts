import { readFile } from 'node:fs/promises';
import type { ScanReport } from '../../core/report.ts';
import { isFlagged } from '../../core/verdict.ts';
import { createEngine } from '../../pipeline/create-engine.ts';
import { offlineResolver, systemResolver } from '../../pipeline/dns.ts';
import { ENGINE_OPTIONS, parseOptions } from '../parse-options.ts';
import { readInput } from '../read-input.ts';
import { CliUsageError } from '../usage-error.ts';

export const SCAN_HELP = `Usage: mailward scan FILE|- [options]

Scans one message (.eml, .eml.gz, or an mbox-style file with a leading 'From ' line; '-' reads
standard input) and prints the verdict, the score and the reasons.

Options:
  --json                  print the full report as JSON
  --offline               no DNS lookups (SPF/DKIM/DMARC are then not verified)
  --config FILE           scoring file layered over config/defaults
  --org-domain DOMAIN     the protected organisation's domain (repeatable); default: the recipients'
  --trust-authserv ID     trust Authentication-Results stamped by this server (repeatable, '*.' wildcard)
  --vip NAME              a person attackers impersonate, e.g. --vip "Jane Doe" (repeatable)
  -h, --help              this help

Exit status: 0 not flagged (clean, graymail), 1 flagged (spam, suspicious, phish, malware), 2 error.`;

export async function scanCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    ...ENGINE_OPTIONS,
    json: { type: 'boolean' },
    offline: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(`${SCAN_HELP}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new CliUsageError(`scan takes exactly one FILE or '-'\n\n${SCAN_HELP}`);
  const source = positionals[0];
  const raw = source === '-' ? await readInput(process.stdin) : await readInput(source, readFile);

  const engine = createEngine({ configFile: values.config, dns: values.offline ? offlineResolver : systemResolver() });
  const report = await engine.scan(raw, {
    settings: { orgDomains: values['org-domain'] ?? [], trustedAuthservIds: values['trust-authserv'] ?? [], vipNames: values.vip ?? [] },
  });

  if (report.unscannable?.code === 'INPUT_NOT_EMAIL') {
    process.stderr.write(`mailward: cannot scan ${source === '-' ? 'standard input' : source}: ${report.unscannable.reason}\n`);
    if (values.json) process.stdout.write(`${JSON.stringify(toJson(report), null, 2)}\n`);
    return 2;
  }
  process.stdout.write(values.json ? `${JSON.stringify(toJson(report), null, 2)}\n` : formatReport(report, source));
  return isFlagged(report.verdict.class) ? 1 : 0;
}

/** The documented JSON shape: verdict, score, signals, errors, timings (plus the message summary). */
export function toJson(report: ScanReport) {
  return {
    verdict: report.verdict.class,
    score: report.verdict.score,
    signals: report.signals.map((s) => ({
      id: s.id,
      group: s.group,
      weight: s.weight,
      factor: s.factor,
      contribution: s.contribution,
      description: s.description,
      evidence: s.evidence,
    })),
    reasons: report.verdict.reasons,
    errors: report.errors,
    unscannable: report.unscannable,
    message: report.message,
    engine_version: report.engineVersion,
    timings_ms: report.timings_ms,
  };
}

export function formatReport(report: ScanReport, source: string): string {
  const m = report.message;
  const lines = [
    `${report.verdict.class.toUpperCase()}  score ${report.verdict.score}  ${source === '-' ? '' : source}`.trimEnd(),
    `  from:    ${m.fromName ? `${m.fromName} <${m.from}>` : m.from || '(none)'}`,
    `  subject: ${m.subject || '(none)'}`,
  ];
  if (report.unscannable) lines.push(`  unscannable: ${report.unscannable.reason}`);
  const shown = report.signals.filter((s) => s.contribution !== 0 || s.weight === 0);
  if (shown.length > 0) {
    lines.push('', 'Reasons:');
    const width = Math.max(...shown.map((s) => s.id.length));
    for (const s of shown) {
      const points = `${s.contribution > 0 ? '+' : ''}${s.contribution.toFixed(1)}`.padStart(6);
      lines.push(`  ${points}  ${s.id.padEnd(width)}  ${s.description}`);
      if (s.evidence.length > 0) lines.push(`  ${''.padStart(6)}  ${''.padEnd(width)}  ${s.evidence.slice(0, 3).join('; ')}`);
    }
  } else {
    lines.push('', 'No signals: nothing suspicious was found.');
  }
  if (report.errors.length > 0) {
    lines.push('', 'Checks that could not finish:');
    for (const e of report.errors) lines.push(`  ${e.detector} (${e.kind}): ${e.message}`);
  }
  return `${lines.join('\n')}\n`;
}
