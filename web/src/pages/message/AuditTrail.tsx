import { dateTime } from '../../format.ts';
import type { AuditEntry } from './types.ts';

/** Who decided what about this message, oldest first. */
export function AuditTrail({ audit }: { audit: AuditEntry[] }) {
  return (
    <>
      <h2>Audit trail</h2>
      {audit.length === 0 ? (
        <p class="muted">No decisions about this message yet.</p>
      ) : (
        <ol class="audit" aria-label="Audit trail">
          {audit.map((e) => (
            <li key={e.id}>
              <span class="nowrap">{dateTime(e.at)}</span> <code>{e.action}</code> by {e.actor.kind} <code class="small">{e.actor.id}</code>
              {typeof e.details.reason === 'string' && e.details.reason ? ` — “${e.details.reason}”` : ''}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
