import type { View } from './types.ts';

/** Each link's shown text beside its real target, with redirects followed. */
export function LinksTab({ links }: { links: View['links'] }) {
  return (
    <div role="tabpanel" aria-label="Links">
      {links.length === 0 ? (
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
            {links.map((l, i) => (
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
  );
}
