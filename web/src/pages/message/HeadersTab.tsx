import type { View } from './types.ts';

/** Authentication results, then every header as received. */
export function HeadersTab({ view }: { view: Pick<View, 'authentication' | 'headers'> }) {
  return (
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
  );
}
