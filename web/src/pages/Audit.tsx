import { useEffect, useState } from 'preact/hooks';
import { api, can, query, type Session } from '../api.ts';
import { EmptyState, ErrorNote } from '../components/common.tsx';
import { dateTime } from '../format.ts';

interface Entry {
  id: number;
  actor: { kind: string; id: string };
  action: string;
  target: { kind: string; id: string } | null;
  details: Record<string, unknown>;
  at: string;
}

/** Who did what, newest first. */
export function Audit({ session }: { session: Session }) {
  const [cursors, setCursors] = useState<string[]>([]);
  const [page, setPage] = useState<{ items: Entry[]; nextCursor: string | null } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const cursor = cursors[cursors.length - 1];
  useEffect(() => {
    if (!can(session, 'analyst')) return;
    api<{ items: Entry[]; nextCursor: string | null }>('GET', `/audit${query({ limit: 50, cursor })}`).then(setPage, setError);
  }, [cursor, session.tenant.id]);

  if (!can(session, 'analyst')) {
    return <EmptyState title="The audit log needs the analyst role">Ask an admin of this tenant for access.</EmptyState>;
  }
  return (
    <section aria-labelledby="a-title">
      <h1 id="a-title">Audit log</h1>
      <ErrorNote error={error} />
      {page && page.items.length === 0 ? (
        <EmptyState title="Nothing recorded yet">Decisions, logins and settings changes appear here.</EmptyState>
      ) : (
        <table class="grid" aria-label="Audit log">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Action</th>
              <th scope="col">Who</th>
              <th scope="col">Target</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {page?.items.map((e) => (
              <tr key={e.id}>
                <td class="nowrap">{dateTime(e.at)}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>
                  {e.actor.kind} <code class="small">{e.actor.id.slice(0, 8)}</code>
                </td>
                <td>
                  {e.target?.kind === 'message' ? (
                    <a href={`#/messages/${e.target.id}`}>message</a>
                  ) : e.target ? (
                    `${e.target.kind} ${e.target.id.slice(0, 8)}`
                  ) : (
                    ''
                  )}
                </td>
                <td class="small">{Object.keys(e.details).length ? JSON.stringify(e.details) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div class="pager">
        <button type="button" disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
          ← Newer
        </button>
        <button type="button" disabled={!page?.nextCursor} onClick={() => page?.nextCursor && setCursors((c) => [...c, page.nextCursor!])}>
          Older →
        </button>
      </div>
    </section>
  );
}
