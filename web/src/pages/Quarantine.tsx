import { useEffect, useRef, useState } from 'preact/hooks';
import { api, can, query, type Session } from '../api.ts';
import { Confirm, EmptyState, ErrorNote, type LayerBadgeData, LayerBadges, VerdictBadge } from '../components/common.tsx';
import { dateTime } from '../format.ts';
import { navigate, type Route } from '../router.ts';

interface Item {
  id: string;
  messageId: string;
  state: 'quarantined' | 'released' | 'deleted';
  reason: string;
  quarantinedAt: string;
  message: { from: string; to: string[]; subject: string; receivedAt: string; verdictClass: string | null; score: number | null };
  layers: LayerBadgeData[];
}

type Decision = 'release' | 'delete' | 'not-a-threat';
const DECISION_WORDS: Record<Decision, string> = { release: 'Release', delete: 'Delete', 'not-a-threat': 'Not a threat' };
const FILTER_KEYS = ['state', 'verdict', 'layer', 'senderDomain', 'recipient', 'q', 'since', 'until', 'sort'] as const;
const THREAT_CLASSES = ['malware', 'phish', 'suspicious', 'spam', 'graymail', 'clean'];
const FLAGGED = ['spam', 'suspicious', 'phish', 'malware'];

/** The unified quarantine: filters in the URL, keyset pages, bulk decisions behind a confirmation. */
export function Quarantine({ session, route }: { session: Session; route: Route }) {
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, route.params.get(k) ?? ''])) as Record<
    (typeof FILTER_KEYS)[number],
    string
  >;
  if (!route.params.has('state')) filters.state = 'quarantined';
  const [cursors, setCursors] = useState<string[]>([]);
  const [page, setPage] = useState<{ items: Item[]; nextCursor: string | null } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [focus, setFocus] = useState(0);
  const [asking, setAsking] = useState<Decision | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const tableRef = useRef<HTMLTableSectionElement>(null);
  const filterKey = FILTER_KEYS.map((k) => filters[k]).join('|');
  const cursor = cursors[cursors.length - 1];

  useEffect(() => setCursors([]), [filterKey]);
  useEffect(() => {
    let live = true;
    const params = {
      state: filters.state === 'all' ? undefined : filters.state,
      verdict: filters.verdict || undefined,
      layer: filters.layer,
      senderDomain: filters.senderDomain,
      recipient: filters.recipient,
      q: filters.q,
      since: filters.since ? new Date(filters.since).toISOString() : undefined,
      until: filters.until ? new Date(filters.until).toISOString() : undefined,
      sort: filters.sort || undefined,
      limit: 50,
      cursor,
    };
    setError(null);
    api<{ items: Item[]; nextCursor: string | null }>('GET', `/quarantine${query(params)}`).then(
      (result) => {
        if (!live) return;
        setPage(result);
        setSelected(new Set());
        setFocus(0);
      },
      (failure) => live && setError(failure),
    );
    return () => {
      live = false;
    };
  }, [filterKey, cursor, reload]);

  function setFilter(name: string, value: string) {
    const next: Record<string, string> = { ...filters, [name]: value };
    navigate('/quarantine', next);
  }

  async function decide(decision: Decision, reason: string) {
    setAsking(null);
    const ids = [...selected];
    try {
      const { results } = await api<{ results: Array<{ ok: boolean; error?: { message: string } }> }>(
        'POST',
        `/quarantine/bulk/${decision}`,
        {
          messageIds: ids,
          reason: reason || undefined,
        },
      );
      const failed = results.filter((r) => !r.ok);
      setNotice(
        `${DECISION_WORDS[decision]}: ${results.length - failed.length} of ${results.length} done${failed.length ? ` (${failed[0].error?.message})` : ''}.`,
      );
      setReload((n) => n + 1);
    } catch (failure) {
      setError(failure);
    }
  }

  function onKey(e: KeyboardEvent) {
    if (!page || page.items.length === 0 || (e.target as HTMLElement).closest('input, select, textarea, dialog')) return;
    if (e.key === 'j' || e.key === 'ArrowDown') setFocus((f) => Math.min(f + 1, page.items.length - 1));
    else if (e.key === 'k' || e.key === 'ArrowUp') setFocus((f) => Math.max(f - 1, 0));
    else if (e.key === 'x' || e.key === ' ') toggle(page.items[focus].messageId);
    else if (e.key === 'Enter' || e.key === 'o') navigate(`/messages/${page.items[focus].messageId}`);
    else return;
    e.preventDefault();
  }

  useEffect(() => {
    (tableRef.current?.querySelectorAll('tr')[focus] as HTMLElement | undefined)?.focus({ preventScroll: false });
  }, [focus, page]);

  function toggle(id: string) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  const filtered = FILTER_KEYS.some((k) => k !== 'state' && k !== 'sort' && filters[k]) || filters.state !== 'quarantined';
  const mayDecide = can(session, 'analyst');

  return (
    <section aria-labelledby="q-title" onKeyDown={onKey}>
      <div class="page-head">
        <h1 id="q-title">Quarantine</h1>
        <p class="muted">Keys: j/k move, x select, Enter open. Every decision is written to the audit log.</p>
      </div>
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filters">
        <label>
          State
          <select name="state" value={filters.state} onChange={(e) => setFilter('state', e.currentTarget.value)}>
            <option value="quarantined">Quarantined</option>
            <option value="released">Released</option>
            <option value="deleted">Deleted</option>
            <option value="all">All</option>
          </select>
        </label>
        <label>
          Verdict
          <select name="verdict" value={filters.verdict} onChange={(e) => setFilter('verdict', e.currentTarget.value)}>
            <option value="">Any</option>
            {THREAT_CLASSES.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <label>
          Caught by
          <select name="layer" value={filters.layer} onChange={(e) => setFilter('layer', e.currentTarget.value)}>
            <option value="">Any layer</option>
            <option value="mailward">Mailward</option>
            <option value="provider">Mail provider</option>
            <option value="gateway">Gateway</option>
            <option value="vendor">Other vendor</option>
            <option value="user-report">User report</option>
          </select>
        </label>
        <label>
          Sender domain
          <input
            name="senderDomain"
            value={filters.senderDomain}
            placeholder="example.net"
            onChange={(e) => setFilter('senderDomain', e.currentTarget.value)}
          />
        </label>
        <label>
          Recipient
          <input
            name="recipient"
            value={filters.recipient}
            placeholder="dana@example.com"
            onChange={(e) => setFilter('recipient', e.currentTarget.value)}
          />
        </label>
        <label>
          Subject contains
          <input name="q" type="search" value={filters.q} onChange={(e) => setFilter('q', e.currentTarget.value)} />
        </label>
        <label>
          From
          <input name="since" type="date" value={filters.since} onChange={(e) => setFilter('since', e.currentTarget.value)} />
        </label>
        <label>
          Until
          <input name="until" type="date" value={filters.until} onChange={(e) => setFilter('until', e.currentTarget.value)} />
        </label>
        <label>
          Order
          <select name="sort" value={filters.sort || 'newest'} onChange={(e) => setFilter('sort', e.currentTarget.value)}>
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
          </select>
        </label>
      </form>
      <ErrorNote error={error} />
      {notice && (
        <div class="notice" role="status">
          {notice}
        </div>
      )}
      {mayDecide && (
        <div class="bulk" role="toolbar" aria-label="Bulk actions">
          <span>{selected.size} selected</span>
          {(Object.keys(DECISION_WORDS) as Decision[]).map((d) => (
            <button
              key={d}
              type="button"
              disabled={selected.size === 0}
              class={d === 'delete' ? 'danger' : ''}
              onClick={() => setAsking(d)}
            >
              {DECISION_WORDS[d]}
            </button>
          ))}
        </div>
      )}
      {page && page.items.length === 0 && !filtered && cursors.length === 0 ? (
        <EmptyState title="Nothing in quarantine yet">
          <p>Mailward quarantines phishing and malware as it scans. To see it work:</p>
          <ol>
            <li>
              Send a test message to the journal port, e.g.{' '}
              <code>npm run mailward -- ingest test/fixtures/engine/credential-phish.eml</code>, or point your mail provider's journal rule
              at the SMTP address shown when the service started.
            </li>
            <li>Connect a mailbox so new mail is scanned as it arrives.</li>
          </ol>
        </EmptyState>
      ) : page && page.items.length === 0 ? (
        <EmptyState title="No messages match these filters">
          <p>
            Widen the time range or <a href="#/quarantine">clear the filters</a>.
          </p>
        </EmptyState>
      ) : (
        <table class="grid" aria-label="Quarantined messages">
          <thead>
            <tr>
              {mayDecide && (
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label="Select all on this page"
                    checked={!!page && page.items.length > 0 && selected.size === page.items.length}
                    onChange={(e) => setSelected(e.currentTarget.checked && page ? new Set(page.items.map((i) => i.messageId)) : new Set())}
                  />
                </th>
              )}
              <th scope="col">Verdict</th>
              <th scope="col">Subject</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Caught by</th>
              <th scope="col">Quarantined</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody ref={tableRef}>
            {page?.items.map((item, index) => (
              <tr
                key={item.id}
                tabIndex={index === focus ? 0 : -1}
                class={index === focus ? 'focused' : ''}
                onClick={() => setFocus(index)}
              >
                {mayDecide && (
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Select ${item.message.subject || '(no subject)'}`}
                      checked={selected.has(item.messageId)}
                      onChange={() => toggle(item.messageId)}
                    />
                  </td>
                )}
                <td>
                  <VerdictBadge verdict={item.message.verdictClass} />
                </td>
                <td class="subject">
                  <a href={`#/messages/${item.messageId}`}>{item.message.subject || '(no subject)'}</a>
                </td>
                <td class="addr">{item.message.from}</td>
                <td class="addr">
                  {item.message.to.slice(0, 2).join(', ')}
                  {item.message.to.length > 2 ? ` +${item.message.to.length - 2}` : ''}
                </td>
                <td>
                  <LayerBadges mailwardCaught={FLAGGED.includes(item.message.verdictClass ?? '')} layers={item.layers} />
                </td>
                <td class="nowrap">{dateTime(item.quarantinedAt)}</td>
                <td>
                  <span class={`state state-${item.state}`}>{item.state}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div class="pager">
        <button type="button" disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
          ← Previous page
        </button>
        <span class="muted">Page {cursors.length + 1}</span>
        <button type="button" disabled={!page?.nextCursor} onClick={() => page?.nextCursor && setCursors((c) => [...c, page.nextCursor!])}>
          Next page →
        </button>
      </div>
      {asking && (
        <Confirm
          title={`${DECISION_WORDS[asking]} ${selected.size} message${selected.size === 1 ? '' : 's'}?`}
          confirmLabel={DECISION_WORDS[asking]}
          danger={asking === 'delete'}
          onConfirm={(reason) => decide(asking, reason)}
          onCancel={() => setAsking(null)}
        >
          <p>
            {asking === 'release' && 'The messages go back to the recipients’ inboxes.'}
            {asking === 'delete' && 'The messages are deleted from the mailboxes. This cannot be undone.'}
            {asking === 'not-a-threat' && 'The senders are remembered as safe and the messages are released.'}
          </p>
        </Confirm>
      )}
    </section>
  );
}
