import { useState } from 'preact/hooks';
import { ApiFailure, api, type Session } from '../api.ts';

/** Email and password, or an API key; either opens a cookie session. */
export function Login({ onLoggedIn }: { onLoggedIn: (session: Session) => void }) {
  const [mode, setMode] = useState<'user' | 'key'>('user');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(null);
    try {
      const session =
        mode === 'user'
          ? await api<Session>('POST', '/session/login', { email: String(form.get('email')), password: String(form.get('password')) })
          : await api<Session>('POST', '/session/api-key', { apiKey: String(form.get('apiKey')) });
      onLoggedIn(session);
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure.message : 'The service could not be reached.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="login" id="main">
      <form class="card" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">
          <img src="/favicon.svg" alt="" width="28" height="28" /> Mailward console
        </h1>
        <div class="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={mode === 'user'} onClick={() => setMode('user')}>
            Account
          </button>
          <button type="button" role="tab" aria-selected={mode === 'key'} onClick={() => setMode('key')}>
            API key
          </button>
        </div>
        {mode === 'user' ? (
          <>
            <label>
              Email
              <input name="email" type="email" autoComplete="username" required autofocus />
            </label>
            <label>
              Password
              <input name="password" type="password" autoComplete="current-password" required />
            </label>
          </>
        ) : (
          <label>
            API key
            <input name="apiKey" autoComplete="off" spellcheck={false} placeholder="mw_..." required autofocus />
          </label>
        )}
        {error && (
          <p class="error-note" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
        <p class="hint">
          No account yet? On the server run <code>mailward user add you@example.com --role admin</code>, or use the admin API key printed at
          the first start.
        </p>
      </form>
    </main>
  );
}
