import { useEffect, useState } from 'preact/hooks';
import { api, can, type Session } from '../api.ts';
import { Confirm, ErrorNote, VerdictBadge } from '../components/common.tsx';
import { bytes, dateTime, layerName, VERDICT_WORDS } from '../format.ts';
import { Preview } from './Preview.tsx';

interface Signal {
  id: string;
  group: string;
  indicates: string;
  description: string;
  contribution: number;
  evidence: string[];
}

interface Detail {
  message: {
    id: string;
    from: string;
    fromName: string;
    to: string[];
    subject: string;
    receivedAt: string;
    sizeBytes: number;
    sha256: string;
  };
  report: {
    report: { verdict: { class: string; score: number; reasons: string[] }; signals: Signal[]; unscannable?: { reason: string } };
  } | null;
}

interface Layers {
  mailward: { verdict: string; score: number; caught: boolean } | null;
  layers: Array<{
    layer: string;
    kind: string;
    verdict: string;
    caught: boolean;
    score: number | null;
    details: { summary: string };
    source: string;
  }>;
}

interface View {
  headers: Array<{ name: string; value: string }>;
  authentication: Array<{ method: string; result: string; details: string }>;
  links: Array<{ text: string; href: string; target: string; via: string[]; host: string; kind: string; textMismatch: boolean }>;
  attachments: Array<{
    path: string;
    filename: string;
    declaredType: string;
    detectedType: string | null;
    size: number;
    sha256: string;
    sha1: string | null;
    md5: string | null;
    encrypted: boolean;
    findings: string[];
  }>;
  preview: { html: string | null; text: string };
  quarantine: { state: string; reason: string; quarantinedAt: string; releasedAt: string | null } | null;
}

interface AuditEntry {
  id: number;
  actor: { kind: string; id: string };
  action: string;
  details: Record<string, unknown>;
  at: string;
}

type Decision = 'release' | 'delete' | 'not-a-threat';
const KIND_WORDS: Record<string, string> = {
  provider: 'Mail provider',
  gateway: 'Gateway',
  vendor: 'Security vendor',
  'user-report': 'User report',
};

/** One message: verdict and reasons, every layer side by side, evidence, and a preview that cannot act. */
export function MessageView({ session, id }: { session: Session; id: string }) {
  const [detail, setDetail] = useState<Detail | null>(null);
  const [layers, setLayers] = useState<Layers | null>(null);
  const [view, setView] = useState<View | null>(null);
  const [audit, setAudit] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [asking, setAsking] = useState<Decision | null>(null);
  const [reload, setReload] = useState(0);
  const [tab, setTab] = useState<'reasons' | 'links' | 'attachments' | 'headers' | 'preview'>('reasons');

  useEffect(() => {
    setError(null);
    Promise.all([
      api<Detail>('GET', `/messages/${id}`),
      api<Layers>('GET', `/messages/${id}/layers`),
      api<View>('GET', `/messages/${id}/view`),
      can(session, 'analyst') ? api<{ items: AuditEntry[] }>('GET', `/audit?targetId=${id}&limit=50`) : Promise.resolve(null),
    ]).then(([d, l, v, a]) => {
      setDetail(d);
      setLayers(l);
      setView(v);
      setAudit(a?.items ?? null);
    }, setError);
  }, [id, reload, session.tenant.id]);

  async function decide(decision: Decision, reason: string) {
    setAsking(null);
    try {
      await api('POST', `/quarantine/${id}/${decision}`, { reason: reason || undefined });
      setReload((n) => n + 1);
    } catch (failure) {
      setError(failure);
    }
  }

  if (error && !detail) {
    return (
      <section>
        <p>
          <a href="#/quarantine">← Quarantine</a>
        </p>
        <ErrorNote error={error} />
      </section>
    );
  }
  if (!detail || !layers || !view) return <p class="muted">Loading…</p>;
  const { message } = detail;
  const report = detail.report?.report;
  const signals = [...(report?.signals ?? [])].sort((a, b) => b.contribution - a.contribution);
  const state = view.quarantine?.state;

  return (
    <section aria-labelledby="m-title" class="message-view">
      <p>
        <a href="#/quarantine">← Quarantine</a>
      </p>
      <div class="page-head">
        <h1 id="m-title">{message.subject || '(no subject)'}</h1>
        <div class="actions">
          {can(session, 'analyst') && state === 'quarantined' && (
            <>
              <button type="button" class="primary" onClick={() => setAsking('release')}>
                Release
              </button>
              <button type="button" onClick={() => setAsking('not-a-threat')}>
                Not a threat
              </button>
            </>
          )}
          {can(session, 'analyst') && state && state !== 'deleted' && (
            <button type="button" class="danger" onClick={() => setAsking('delete')}>
              Delete
            </button>
          )}
          {can(session, 'admin') && (
            <a class="button" href={`/api/v1/messages/${id}/raw`} download>
              Download .eml
            </a>
          )}
        </div>
      </div>
      <ErrorNote error={error} />
      <dl class="facts">
        <dt>From</dt>
        <dd>
          {message.fromName ? `${message.fromName} ` : ''}&lt;{message.from}&gt;
        </dd>
        <dt>To</dt>
        <dd>{message.to.join(', ')}</dd>
        <dt>Received</dt>
        <dd>{dateTime(message.receivedAt)}</dd>
        <dt>Size</dt>
        <dd>{bytes(message.sizeBytes)}</dd>
        <dt>Quarantine</dt>
        <dd data-testid="quarantine-state">
          {state ? `${state}${view.quarantine?.reason ? ` (${view.quarantine.reason})` : ''}` : 'not quarantined'}
        </dd>
      </dl>

      <h2>Verdicts, layer by layer</h2>
      <div class="layer-cards">
        <div class={`layer-card ${layers.mailward?.caught ? 'caught' : ''}`}>
          <div class="layer-card-head">
            <strong>Mailward</strong>
            <VerdictBadge verdict={layers.mailward?.verdict ?? null} />
          </div>
          <p>{layers.mailward ? `Score ${layers.mailward.score.toFixed(1)}` : 'Not scanned yet.'}</p>
        </div>
        {layers.layers.map((l) => (
          <div key={l.layer} class={`layer-card ${l.caught ? 'caught' : ''}`}>
            <div class="layer-card-head">
              <strong>{layerName(l.layer)}</strong>
              <VerdictBadge verdict={l.verdict} />
            </div>
            <p class="muted">
              {KIND_WORDS[l.kind] ?? l.kind} · {l.source === 'headers' ? 'from the headers' : 'reported through the API'}
            </p>
            <p>{l.details.summary}</p>
          </div>
        ))}
        {layers.layers.length === 0 && (
          <div class="layer-card muted">No other layer left a verdict in the headers or reported one through the API.</div>
        )}
      </div>

      <div class="tabs" role="tablist" aria-label="Evidence">
        {(
          [
            ['reasons', `Reasons (${signals.length})`],
            ['links', `Links (${view.links.length})`],
            ['attachments', `Attachments (${view.attachments.length})`],
            ['headers', `Headers & authentication`],
            ['preview', 'Preview'],
          ] as const
        ).map(([key, label]) => (
          <button key={key} type="button" role="tab" aria-selected={tab === key} onClick={() => setTab(key)}>
            {label}
          </button>
        ))}
      </div>

      {tab === 'reasons' && (
        <div role="tabpanel" aria-label="Reasons">
          {report?.unscannable && <p class="error-note">Could not be scanned: {report.unscannable.reason}</p>}
          {report && report.verdict.reasons.length > 0 && (
            <ul class="reasons">
              {report.verdict.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}
          {signals.length === 0 ? (
            <p class="muted">No signal fired: nothing in this message looked wrong.</p>
          ) : (
            <table class="grid signals">
              <thead>
                <tr>
                  <th scope="col">What we found</th>
                  <th scope="col">Evidence</th>
                  <th scope="col">Points</th>
                </tr>
              </thead>
              <tbody>
                {signals.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <div>{s.description}</div>
                      <code class="muted small">{s.id}</code>
                    </td>
                    <td>
                      <ul class="evidence">
                        {s.evidence.slice(0, 6).map((e) => (
                          <li key={e}>
                            <code>{e}</code>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td class={s.contribution > 0 ? 'points-up' : 'points-down'}>
                      {s.contribution > 0 ? `+${s.contribution.toFixed(1)}` : s.contribution.toFixed(1)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}

      {tab === 'links' && (
        <div role="tabpanel" aria-label="Links">
          {view.links.length === 0 ? (
            <p class="muted">No links.</p>
          ) : (
            <table class="grid">
              <thead>
                <tr>
                  <th scope="col">Text shown</th>
                  <th scope="col">Real target</th>
                  <th scope="col">Notes</th>
                </tr>
              </thead>
              <tbody>
                {view.links.map((l, i) => (
                  <tr key={`${l.href}-${i}`}>
                    <td>{l.text || <span class="muted">({l.kind})</span>}</td>
                    <td class="break">
                      <code>{l.target}</code>
                    </td>
                    <td>
                      {l.textMismatch && <span class="badge badge-phish">Text names another site</span>}
                      {l.via.length > 0 && <span class="muted"> via {l.via.join(' → ')}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}

      {tab === 'attachments' && (
        <div role="tabpanel" aria-label="Attachments">
          {view.attachments.length === 0 ? (
            <p class="muted">No attachments.</p>
          ) : (
            view.attachments.map((a) => (
              <div class="attachment" key={a.path}>
                <strong>{a.path || a.filename || '(unnamed)'}</strong> <span class="muted">{bytes(a.size)}</span>
                <dl class="facts small">
                  <dt>Declared type</dt>
                  <dd>{a.declaredType || '–'}</dd>
                  <dt>Actual type</dt>
                  <dd>{a.detectedType ?? 'not recognised'}</dd>
                  <dt>SHA-256</dt>
                  <dd>
                    <code>{a.sha256}</code>
                  </dd>
                  {a.sha1 && (
                    <>
                      <dt>SHA-1</dt>
                      <dd>
                        <code>{a.sha1}</code>
                      </dd>
                    </>
                  )}
                  {a.md5 && (
                    <>
                      <dt>MD5</dt>
                      <dd>
                        <code>{a.md5}</code>
                      </dd>
                    </>
                  )}
                  <dt>Found inside</dt>
                  <dd>
                    {a.findings.length > 0 ? a.findings.join('; ') : a.encrypted ? 'encrypted: could not be read' : 'nothing suspicious'}
                  </dd>
                </dl>
              </div>
            ))
          )}
        </div>
      )}

      {tab === 'headers' && (
        <div role="tabpanel" aria-label="Headers">
          <h3>Authentication</h3>
          {view.authentication.length === 0 ? (
            <p class="muted">No Authentication-Results header.</p>
          ) : (
            <ul class="auth">
              {view.authentication.map((r, i) => (
                <li key={`${r.method}-${i}`}>
                  <span class={`badge ${r.result === 'pass' ? 'badge-clean' : r.result === 'fail' ? 'badge-phish' : 'badge-unscanned'}`}>
                    {r.method.toUpperCase()} {r.result}
                  </span>{' '}
                  <span class="muted small">{r.details}</span>
                </li>
              ))}
            </ul>
          )}
          <h3>Headers</h3>
          <table class="grid headers">
            <tbody>
              {view.headers.map((h, i) => (
                <tr key={`${h.name}-${i}`}>
                  <th scope="row">{h.name}</th>
                  <td class="break">
                    <code>{h.value}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {tab === 'preview' && <Preview html={view.preview.html} text={view.preview.text} />}

      {audit && (
        <>
          <h2>Audit trail</h2>
          {audit.length === 0 ? (
            <p class="muted">No decisions about this message yet.</p>
          ) : (
            <ol class="audit" aria-label="Audit trail">
              {audit.map((e) => (
                <li key={e.id}>
                  <span class="nowrap">{dateTime(e.at)}</span> <code>{e.action}</code> by {e.actor.kind}{' '}
                  <code class="small">{e.actor.id}</code>
                  {typeof e.details.reason === 'string' && e.details.reason ? ` — “${e.details.reason}”` : ''}
                </li>
              ))}
            </ol>
          )}
        </>
      )}

      {asking && (
        <Confirm
          title={`${asking === 'not-a-threat' ? 'Mark as not a threat' : asking === 'release' ? 'Release' : 'Delete'} this message?`}
          confirmLabel={asking === 'not-a-threat' ? 'Not a threat' : asking === 'release' ? 'Release' : 'Delete'}
          danger={asking === 'delete'}
          onConfirm={(reason) => decide(asking, reason)}
          onCancel={() => setAsking(null)}
        >
          <p>
            {VERDICT_WORDS[report?.verdict.class ?? ''] ?? 'Unscanned'} message from {message.from}.
          </p>
        </Confirm>
      )}
    </section>
  );
}
