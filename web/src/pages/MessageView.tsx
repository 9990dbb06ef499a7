import { useEffect, useState } from 'preact/hooks';
import { api, can, type Session } from '../api.ts';
import { Confirm, ErrorNote } from '../components/common.tsx';
import { bytes, dateTime, VERDICT_WORDS } from '../format.ts';
import { AttachmentsTab } from './message/AttachmentsTab.tsx';
import { AuditTrail } from './message/AuditTrail.tsx';
import { HeadersTab } from './message/HeadersTab.tsx';
import { LayerCards } from './message/LayerCards.tsx';
import { LinksTab } from './message/LinksTab.tsx';
import { ReasonsTab } from './message/ReasonsTab.tsx';
import type { AuditEntry, Detail, Layers, View } from './message/types.ts';
import { Preview } from './Preview.tsx';

type Decision = 'release' | 'delete' | 'not-a-threat';

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

      <LayerCards layers={layers} />

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

      {tab === 'reasons' && <ReasonsTab report={report} signals={signals} />}

      {tab === 'links' && <LinksTab links={view.links} />}

      {tab === 'attachments' && <AttachmentsTab attachments={view.attachments} />}

      {tab === 'headers' && <HeadersTab view={view} />}

      {tab === 'preview' && <Preview html={view.preview.html} text={view.preview.text} />}

      {audit && <AuditTrail audit={audit} />}

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
