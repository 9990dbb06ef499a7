/** The console talks to the HTTP API only, with the session cookie and the session's CSRF token. */

export type Role = 'admin' | 'analyst' | 'read-only';

export interface Session {
  kind: 'user' | 'api-key';
  user: { id: string; email: string; name: string } | null;
  role: Role;
  tenant: { id: string; name: string };
  tenants: Array<{ id: string; name: string; role: Role }>;
  csrfToken: string | null;
}

export class ApiFailure extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: () => void = () => {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function whenLoggedOut(handler: () => void): void {
  onUnauthenticated = handler;
}

export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed = text ? safeJson(text) : null;
  if (!response.ok) {
    const error = (parsed as { error?: { code: string; message: string } } | null)?.error;
    if (response.status === 401 && !path.startsWith('/session/')) onUnauthenticated();
    throw new ApiFailure(response.status, error?.code ?? 'HTTP_ERROR', error?.message ?? `the server answered ${response.status}`);
  }
  return parsed as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { error: { code: 'BAD_RESPONSE', message: text.slice(0, 200) } };
  }
}

/** Query string from the set values only. */
export function query(params: Record<string, string | string[] | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    for (const one of Array.isArray(value) ? value : [value]) search.append(key, String(one));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const ROLE_RANK: Record<Role, number> = { 'read-only': 0, analyst: 1, admin: 2 };
export function can(session: Session, needed: Role): boolean {
  return ROLE_RANK[session.role] >= ROLE_RANK[needed];
}
