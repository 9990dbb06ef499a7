import type { ChartConfiguration } from 'chart.js';
import { useEffect, useState } from 'preact/hooks';
import { api, query } from '../api.ts';
import { ChartCanvas } from '../components/Chart.tsx';
import { EmptyState, ErrorNote } from '../components/common.tsx';
import { duration, VERDICT_WORDS } from '../format.ts';

interface Effectiveness {
  scanned: number;
  threats: number;
  threatsByClass: Record<string, number>;
  layers: { mailwardOnly: number; providerOnly: number; both: number; thirdPartyOnly: number; mailwardAndThirdParty: number };
  userReportedUncaught: number;
  falsePositiveReleases: number;
  remediation: { count: number; p50Seconds: number | null; p95Seconds: number | null };
  topTargetedUsers: Array<{ address: string; threats: number }>;
  topSenderDomains: Array<{ domain: string; threats: number }>;
}

interface Days {
  days: Array<{ day: string; counts: Record<string, number> }>;
}

const CLASS_COLOURS: Record<string, string> = {
  malware: '#b42318',
  phish: '#e8590c',
  suspicious: '#c99400',
  spam: '#7048e8',
  graymail: '#868e96',
  clean: '#2f9e44',
};
const THREATS = ['malware', 'phish', 'suspicious', 'spam'];
const DAY_MS = 86_400_000;

/** Effectiveness: what was scanned and caught, by which layer, how fast, against whom. */
export function Dashboard({ theme, tenantId }: { theme: string; tenantId: string }) {
  const [days, setDays] = useState(30);
  const [stats, setStats] = useState<Effectiveness | null>(null);
  const [perDay, setPerDay] = useState<Days | null>(null);
  const [error, setError] = useState<unknown>(null);
  const range = { since: new Date(Date.now() - days * DAY_MS).toISOString() };

  useEffect(() => {
    setError(null);
    Promise.all([
      api<Effectiveness>('GET', `/stats/effectiveness${query(range)}`),
      api<Days>('GET', `/stats/verdicts${query(range)}`),
    ]).then(([s, d]) => {
      setStats(s);
      setPerDay(d);
    }, setError);
  }, [days, tenantId]);

  if (error) return <ErrorNote error={error} />;
  if (!stats || !perDay) return <p class="muted">Loading…</p>;
  // The theme's own colours (the same as styles.css): canvas text cannot follow CSS variables, and
  // reading them here would give the previous theme's values during the switch.
  const text = theme === 'dark' ? '#e6e8eb' : '#1b1f24';
  const grid = theme === 'dark' ? '#2c323c' : '#d7dce1';
  const axes = { ticks: { color: text }, grid: { color: grid } };

  const byDay: ChartConfiguration = {
    type: 'bar',
    data: {
      labels: perDay.days.map((d) => d.day.slice(5)),
      datasets: THREATS.map((cls) => ({
        label: VERDICT_WORDS[cls],
        data: perDay.days.map((d) => d.counts[cls] ?? 0),
        backgroundColor: CLASS_COLOURS[cls],
        stack: 'threats',
        maxBarThickness: 48,
      })),
    },
    options: {
      plugins: { legend: { labels: { color: text } } },
      scales: { x: { ...axes, stacked: true }, y: { ...axes, stacked: true, beginAtZero: true } },
    },
  };
  const classEntries = THREATS.filter((c) => stats.threatsByClass[c]);
  const byClass: ChartConfiguration = {
    type: 'doughnut',
    data: {
      labels: classEntries.map((c) => VERDICT_WORDS[c]),
      datasets: [
        {
          data: classEntries.map((c) => stats.threatsByClass[c]),
          backgroundColor: classEntries.map((c) => CLASS_COLOURS[c]),
          borderColor: grid,
        },
      ],
    },
    options: { plugins: { legend: { position: 'right', labels: { color: text } } } },
  };
  const layerRows: Array<[string, number]> = [
    ['Mailward only', stats.layers.mailwardOnly],
    ['Provider and Mailward', stats.layers.both],
    ['Provider only', stats.layers.providerOnly],
    ['Mailward and third party', stats.layers.mailwardAndThirdParty],
    ['Third party only', stats.layers.thirdPartyOnly],
  ];
  const byLayer: ChartConfiguration = {
    type: 'bar',
    data: {
      labels: layerRows.map(([l]) => l),
      datasets: [
        { label: 'Threats', data: layerRows.map(([, n]) => n), backgroundColor: ['#1f6feb', '#0ca678', '#868e96', '#3bc9db', '#adb5bd'] },
      ],
    },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { ...axes, beginAtZero: true }, y: axes } },
  };

  return (
    <section aria-labelledby="d-title">
      <div class="page-head">
        <h1 id="d-title">Effectiveness</h1>
        <div class="actions">
          <label>
            Period{' '}
            <select value={days} onChange={(e) => setDays(Number(e.currentTarget.value))}>
              <option value={7}>Last 7 days</option>
              <option value={30}>Last 30 days</option>
              <option value={90}>Last 90 days</option>
              <option value={365}>Last year</option>
            </select>
          </label>
          <a class="button" href={`/api/v1/stats/effectiveness.csv${query(range)}`} download>
            Download CSV
          </a>
        </div>
      </div>
      {stats.scanned === 0 ? (
        <EmptyState title="No mail scanned in this period">
          <p>
            Send a test message to the journal port (<code>npm run mailward -- ingest test/fixtures/engine/credential-phish.eml</code>) or
            connect a mailbox; the figures appear as messages are scanned.
          </p>
        </EmptyState>
      ) : (
        <>
          <div class="tiles">
            <Tile label="Messages scanned" value={stats.scanned.toLocaleString()} />
            <Tile label="Threats caught" value={stats.threats.toLocaleString()} />
            <Tile
              label="Caught by Mailward only"
              value={(stats.layers.mailwardOnly + stats.layers.mailwardAndThirdParty).toLocaleString()}
              hint="The provider let these through."
            />
            <Tile label="Reported by users, missed by every layer" value={stats.userReportedUncaught.toLocaleString()} />
            <Tile label="False-positive releases" value={stats.falsePositiveReleases.toLocaleString()} />
            <Tile
              label="Delivery to remediation"
              value={stats.remediation.count ? `${duration(stats.remediation.p50Seconds)} p50` : '–'}
              hint={
                stats.remediation.count
                  ? `${duration(stats.remediation.p95Seconds)} p95 over ${stats.remediation.count}`
                  : 'Nothing quarantined yet.'
              }
            />
          </div>
          <div class="panels">
            <div class="panel wide">
              <h2>Threats by day</h2>
              <ChartCanvas config={byDay} label="Threats per day by class" />
            </div>
            <div class="panel">
              <h2>Threats by class</h2>
              {classEntries.length ? <ChartCanvas config={byClass} label="Threats by class" /> : <p class="muted">No threats.</p>}
            </div>
            <div class="panel">
              <h2>Who caught them</h2>
              <ChartCanvas config={byLayer} label="Threats by the layer that caught them" />
            </div>
            <div class="panel">
              <h2>Most targeted people</h2>
              <TopList rows={stats.topTargetedUsers.map((u) => [u.address, u.threats])} empty="No threats received." />
            </div>
            <div class="panel">
              <h2>Top attacking sender domains</h2>
              <TopList rows={stats.topSenderDomains.map((d) => [d.domain, d.threats])} empty="No threats received." />
            </div>
          </div>
        </>
      )}
    </section>
  );
}

function Tile({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div class="tile">
      <div class="tile-value">{value}</div>
      <div class="tile-label">{label}</div>
      {hint && <div class="muted small">{hint}</div>}
    </div>
  );
}

function TopList({ rows, empty }: { rows: Array<[string, number]>; empty: string }) {
  if (rows.length === 0) return <p class="muted">{empty}</p>;
  const max = Math.max(...rows.map(([, n]) => n));
  return (
    <table class="toplist">
      <tbody>
        {rows.map(([name, n]) => (
          <tr key={name}>
            <td class="addr">{name}</td>
            <td class="bar-cell">
              <span class="bar" style={{ width: `${(n / max) * 100}%` }} />
            </td>
            <td class="num">{n}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
