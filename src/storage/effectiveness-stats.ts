import type { Queryable } from './db.ts';
import { isoOrNull } from './rows.ts';

const FLAGGED = ['spam', 'suspicious', 'phish', 'malware'];

export interface Effectiveness {
  scanned: number;
  threats: number;
  threatsByClass: Record<string, number>;
  /** Threats by who caught them; a message counts once, in exactly one bucket. */
  layers: { mailwardOnly: number; providerOnly: number; both: number; thirdPartyOnly: number; mailwardAndThirdParty: number };
  /** A person reported it, and neither Mailward nor any other layer had caught it. */
  userReportedUncaught: number;
  /** Quarantined messages a person released (Mailward was wrong or too strict). */
  falsePositiveReleases: number;
  /** From delivery to quarantine; null when nothing was quarantined in the range. */
  remediation: { count: number; p50Seconds: number | null; p95Seconds: number | null };
  topTargetedUsers: Array<{ address: string; threats: number }>;
  topSenderDomains: Array<{ domain: string; threats: number }>;
}

/** The dashboard's figures for one tenant and time range (messages by received time). */
export async function effectiveness(
  db: Queryable,
  tenantId: string,
  range: { since: Date; until: Date },
  top = 10,
): Promise<Effectiveness> {
  const range3 = [tenantId, isoOrNull(range.since), isoOrNull(range.until)];
  const p = [...range3, FLAGGED];
  const inRange = 'm.tenant_id = $1 AND m.received_at >= $2::timestamptz AND m.received_at < $3::timestamptz';
  const caughtBy = (kinds: string) =>
    `EXISTS (SELECT 1 FROM layer_verdicts lv WHERE lv.tenant_id = m.tenant_id AND lv.message_id = m.id AND lv.caught AND lv.kind IN (${kinds}))`;

  const classes = await db.query<{ verdict: string | null; n: number }>(
    `SELECT m.verdict_class AS verdict, count(*)::int AS n FROM messages m WHERE ${inRange} AND m.verdict_class IS NOT NULL GROUP BY 1`,
    range3,
  );
  const venn = await db.query<{ mw: boolean; provider: boolean; third: boolean; n: number }>(
    `SELECT m.verdict_class = ANY($4::text[]) AS mw, ${caughtBy("'provider'")} AS provider, ${caughtBy("'gateway', 'vendor'")} AS third, count(*)::int AS n
     FROM messages m WHERE ${inRange} GROUP BY 1, 2, 3`,
    p,
  );
  const reported = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM messages m WHERE ${inRange}
       AND EXISTS (SELECT 1 FROM layer_verdicts lv WHERE lv.tenant_id = m.tenant_id AND lv.message_id = m.id AND lv.kind = 'user-report')
       AND NOT COALESCE(m.verdict_class = ANY($4::text[]), false) AND NOT ${caughtBy("'provider', 'gateway', 'vendor'")}`,
    p,
  );
  const releases = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM quarantine_entries q
     WHERE q.tenant_id = $1 AND q.state = 'released' AND q.released_at >= $2::timestamptz AND q.released_at < $3::timestamptz
       AND q.decided_by <> 'system'`,
    range3,
  );
  const remediation = await db.query<{ n: number; p50: number | null; p95: number | null }>(
    `SELECT count(*)::int AS n,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM q.quarantined_at - m.received_at)) AS p50,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM q.quarantined_at - m.received_at)) AS p95
     FROM quarantine_entries q JOIN messages m ON m.tenant_id = q.tenant_id AND m.id = q.message_id
     WHERE ${inRange} AND q.quarantined_at >= m.received_at`,
    range3,
  );
  const targets = await db.query<{ address: string; n: number }>(
    `SELECT r.address, count(*)::int AS n FROM messages m, unnest(m.to_addresses) AS r(address)
     WHERE ${inRange} AND m.verdict_class = ANY($4::text[]) GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT $5`,
    [...p, top],
  );
  const domains = await db.query<{ domain: string; n: number }>(
    `SELECT split_part(m.from_address, '@', 2) AS domain, count(*)::int AS n FROM messages m
     WHERE ${inRange} AND m.verdict_class = ANY($4::text[]) AND m.from_address <> '' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT $5`,
    [...p, top],
  );

  const threatsByClass: Record<string, number> = {};
  let scanned = 0;
  for (const row of classes.rows) {
    scanned += row.n;
    if (row.verdict && FLAGGED.includes(row.verdict)) threatsByClass[row.verdict] = row.n;
  }
  const layers = { mailwardOnly: 0, providerOnly: 0, both: 0, thirdPartyOnly: 0, mailwardAndThirdParty: 0 };
  for (const row of venn.rows) {
    if (row.mw && row.provider) layers.both += row.n;
    else if (row.mw && row.third) layers.mailwardAndThirdParty += row.n;
    else if (row.mw) layers.mailwardOnly += row.n;
    else if (row.provider) layers.providerOnly += row.n;
    else if (row.third) layers.thirdPartyOnly += row.n;
  }
  const rem = remediation.rows[0];
  return {
    scanned,
    threats: Object.values(threatsByClass).reduce((a, b) => a + b, 0),
    threatsByClass,
    layers,
    userReportedUncaught: reported.rows[0]?.n ?? 0,
    falsePositiveReleases: releases.rows[0]?.n ?? 0,
    remediation: {
      count: rem?.n ?? 0,
      p50Seconds: rem?.p50 === null || rem?.p50 === undefined ? null : Number(rem.p50),
      p95Seconds: rem?.p95 === null || rem?.p95 === undefined ? null : Number(rem.p95),
    },
    topTargetedUsers: targets.rows.map((r) => ({ address: r.address, threats: r.n })),
    topSenderDomains: domains.rows.map((r) => ({ domain: r.domain, threats: r.n })),
  };
}
