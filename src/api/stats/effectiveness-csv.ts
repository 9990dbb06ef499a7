import type { Effectiveness } from '../../storage/effectiveness-stats.ts';
import type { VerdictDayCount } from '../../storage/message-list.ts';

/** RFC 4180 field: quoted when it holds a comma, quote or line break; formulas neutralised for spreadsheets. */
function field(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Every dashboard figure as one long table: `section,key,day,value`. */
export function effectivenessCsv(stats: Effectiveness, days: VerdictDayCount[]): string {
  const rows: Array<[string, string, string, string | number | null]> = [
    ['summary', 'scanned', '', stats.scanned],
    ['summary', 'threats', '', stats.threats],
    ['summary', 'user_reported_uncaught', '', stats.userReportedUncaught],
    ['summary', 'false_positive_releases', '', stats.falsePositiveReleases],
    ['remediation', 'count', '', stats.remediation.count],
    ['remediation', 'p50_seconds', '', stats.remediation.p50Seconds],
    ['remediation', 'p95_seconds', '', stats.remediation.p95Seconds],
  ];
  for (const [cls, n] of Object.entries(stats.threatsByClass)) rows.push(['threats_by_class', cls, '', n]);
  for (const [bucket, n] of Object.entries(stats.layers)) rows.push(['caught_by', bucket, '', n]);
  for (const day of days) rows.push(['messages_by_day', day.verdict, day.day, day.count]);
  for (const u of stats.topTargetedUsers) rows.push(['top_targeted_users', u.address, '', u.threats]);
  for (const d of stats.topSenderDomains) rows.push(['top_sender_domains', d.domain, '', d.threats]);
  return `${['section,key,day,value', ...rows.map((r) => r.map(field).join(','))].join('\r\n')}\r\n`;
}
