import { ConnectorError } from './errors.ts';

/**
 * An OAuth2 access token for XOAUTH2, from a refresh token (RFC 6749 section 6): Microsoft 365
 * (`https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token`, scope
 * `https://outlook.office365.com/IMAP.AccessAsUser.All offline_access`) and Google
 * (`https://oauth2.googleapis.com/token`, scope `https://mail.google.com/`) both answer this grant.
 * Tokens are cached until a minute before they expire. A refused grant is `CONNECTOR_AUTH_EXPIRED`:
 * consent was revoked or the refresh token expired, and a person must connect the mailbox again.
 */
export interface RefreshGrant {
  tokenUrl: string;
  clientId: string;
  clientSecret?: string;
  refreshToken: string;
  scope?: string;
}

const cache = new Map<string, { token: string; until: number }>();

export async function accessTokenFor(grant: RefreshGrant, fetchImpl: typeof fetch = fetch, now = Date.now()): Promise<string> {
  const cacheKey = `${grant.tokenUrl}\n${grant.clientId}\n${grant.refreshToken}`;
  const cached = cache.get(cacheKey);
  if (cached && cached.until > now) return cached.token;
  const body = new URLSearchParams({ grant_type: 'refresh_token', client_id: grant.clientId, refresh_token: grant.refreshToken });
  if (grant.clientSecret) body.set('client_secret', grant.clientSecret);
  if (grant.scope) body.set('scope', grant.scope);
  let response: Response;
  try {
    response = await fetchImpl(grant.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  } catch (error) {
    throw new ConnectorError('CONNECTOR_UNREACHABLE', `cannot reach the token endpoint ${new URL(grant.tokenUrl).host}`, { cause: error });
  }
  const answer = (await response.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error?: string };
  if (!response.ok || !answer.access_token) {
    // The error code (invalid_grant, ...) is safe to show; the description may echo identifiers, so it is left out.
    throw new ConnectorError(
      'CONNECTOR_AUTH_EXPIRED',
      `the token endpoint refused the refresh token (${answer.error ?? `HTTP ${response.status}`})`,
    );
  }
  cache.set(cacheKey, { token: answer.access_token, until: now + Math.max(0, (answer.expires_in ?? 3600) - 60) * 1000 });
  return answer.access_token;
}
