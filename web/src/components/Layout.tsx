import type { ComponentChildren } from 'preact';
import type { Session } from '../api.ts';

const NAV = [
  { path: 'quarantine', label: 'Quarantine', key: 'q' },
  { path: 'dashboard', label: 'Dashboard', key: 'd' },
  { path: 'audit', label: 'Audit log', key: 'a' },
  { path: 'users', label: 'Users', key: 'u' },
];

export function Layout(props: {
  session: Session;
  section: string;
  theme: string;
  onToggleTheme: () => void;
  onSwitchTenant: (tenantId: string) => void;
  onLogout: () => void;
  children: ComponentChildren;
}) {
  const { session } = props;
  return (
    <div class="shell">
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <div class="brand">
          <img src="/favicon.svg" alt="" width="22" height="22" /> Mailward
        </div>
        <nav aria-label="Sections">
          {NAV.filter((n) => n.path !== 'users' || session.role === 'admin').map((n) => (
            <a
              key={n.path}
              href={`#/${n.path}`}
              aria-current={props.section === n.path ? 'page' : undefined}
              aria-keyshortcuts={`g ${n.key}`}
            >
              {n.label}
            </a>
          ))}
        </nav>
        <div class="who">
          {session.tenants.length > 1 ? (
            <label class="tenant-switch">
              <span class="sr-only">Tenant</span>
              <select value={session.tenant.id} onChange={(e) => props.onSwitchTenant(e.currentTarget.value)} aria-label="Tenant">
                {session.tenants.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name} ({t.role})
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <span class="tenant-name" title="Tenant">
              {session.tenant.name}
            </span>
          )}
          <span class="identity" data-testid="identity">
            {session.user?.email ?? 'API key'} · <strong>{session.role}</strong>
          </span>
          <button
            type="button"
            class="ghost"
            onClick={props.onToggleTheme}
            aria-label={`Switch to ${props.theme === 'dark' ? 'light' : 'dark'} theme`}
          >
            {props.theme === 'dark' ? '☀' : '☾'}
          </button>
          <button type="button" class="ghost" onClick={props.onLogout}>
            Log out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {props.children}
      </main>
    </div>
  );
}
