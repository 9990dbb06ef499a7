import type { Signal } from './types.ts';

/** The verdict's reasons in plain words and every signal with its evidence and points, strongest first. */
export function ReasonsTab({
  report,
  signals,
}: {
  report: { verdict: { reasons: string[] }; unscannable?: { reason: string } } | undefined;
  signals: Signal[];
}) {
  return (
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
  );
}
