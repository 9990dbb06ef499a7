import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiFailure, api, type Session, setCsrfToken, whenLoggedOut } from './api.ts';
import { EmptyState } from './components/common.tsx';
import { Layout } from './components/Layout.tsx';
import { Audit } from './pages/Audit.tsx';
import { Dashboard } from './pages/Dashboard.tsx';
import { Login } from './pages/Login.tsx';
import { MessageView } from './pages/MessageView.tsx';
import { Quarantine } from './pages/Quarantine.tsx';
import { Users } from './pages/Users.tsx';
import { navigate, useRoute } from './router.ts';
import { useTheme } from './theme.ts';
import './styles.css';

function App() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [theme, toggleTheme] = useTheme();
  const route = useRoute();

  function adopt(next: Session | null) {
    setCsrfToken(next?.csrfToken ?? null);
    setSession(next);
  }

  useEffect(() => {
    whenLoggedOut(() => adopt(null));
    api<Session>('GET', '/session').then(adopt, (failure) => adopt(failure instanceof ApiFailure && failure.status === 401 ? null : null));
  }, []);

  // "g" then a letter jumps between sections, as in many mail tools.
  useEffect(() => {
    let pending = false;
    const onKey = (e: KeyboardEvent) => {
      if ((e.target as HTMLElement).closest('input, select, textarea, dialog') || e.metaKey || e.ctrlKey || e.altKey) return;
      if (pending) {
        pending = false;
        const target = { q: 'quarantine', d: 'dashboard', a: 'audit', u: 'users' }[e.key];
        if (target) navigate(`/${target}`);
        return;
      }
      if (e.key === 'g') pending = true;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (session === undefined) return <p class="muted center">Loading…</p>;
  if (session === null) return <Login onLoggedIn={adopt} />;

  const [section = 'quarantine', id] = route.path;
  let page = null;
  if (section === 'quarantine') page = <Quarantine session={session} route={route} />;
  else if (section === 'messages' && id) page = <MessageView key={id} session={session} id={id} />;
  else if (section === 'dashboard') page = <Dashboard theme={theme} tenantId={session.tenant.id} />;
  else if (section === 'audit') page = <Audit session={session} />;
  else if (section === 'users')
    page =
      session.role === 'admin' ? <Users /> : <EmptyState title="Users are managed by admins">Your role here is {session.role}.</EmptyState>;
  else
    page = (
      <EmptyState title="Nothing here">
        Go to the <a href="#/quarantine">quarantine</a>.
      </EmptyState>
    );

  return (
    <Layout
      session={session}
      section={section}
      theme={theme}
      onToggleTheme={toggleTheme}
      onSwitchTenant={async (tenantId) => {
        adopt(await api<Session>('POST', '/session/tenant', { tenantId }));
        navigate('/quarantine');
      }}
      onLogout={async () => {
        await api('POST', '/session/logout').catch(() => undefined);
        adopt(null);
      }}
    >
      {page}
    </Layout>
  );
}

render(<App />, document.getElementById('app')!);
