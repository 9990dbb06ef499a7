import { type MailboxSecret, sealMailboxSecret } from '../../connectors/credentials.ts';
import { secretKeyFrom } from '../../connectors/secret-box.ts';
import type { ServiceDeps } from '../../service/deps.ts';
import type { Mailbox } from '../../storage/mailboxes.ts';
import { createRepositories } from '../../storage/repositories.ts';
import { actorOf, type Principal } from '../auth/principal.ts';
import { ApiError } from '../errors/api-error.ts';
import type { AddMailboxBody } from './schemas.ts';

function secretOf(body: AddMailboxBody): { secret: MailboxSecret; authKind: 'password' | 'oauth2' } {
  const given = [body.password, body.accessToken, body.oauth2].filter((v) => v !== undefined).length;
  if (given !== 1) throw new ApiError(400, 'VALIDATION_FAILED', 'give exactly one of password, accessToken or oauth2');
  if (body.password !== undefined) return { secret: { password: body.password }, authKind: 'password' };
  if (body.accessToken !== undefined) return { secret: { accessToken: body.accessToken }, authKind: 'oauth2' };
  const oauth = body.oauth2!;
  return { secret: { refreshToken: oauth.refreshToken, clientSecret: oauth.clientSecret }, authKind: 'oauth2' };
}

/**
 * Connects an IMAP mailbox: the mailbox row, its connection with the credentials sealed under
 * MAILWARD_SECRET_KEY, and the audit entry, in one transaction. Adding the same address again
 * replaces its connection (new password, new server) and keeps its sync cursor. The watchers
 * pick it up at their next refresh.
 */
export async function addImapMailbox(
  deps: Pick<ServiceDeps, 'db'>,
  principal: Principal,
  body: AddMailboxBody,
  env: Record<string, string | undefined> = process.env,
): Promise<Mailbox> {
  const { secret, authKind } = secretOf(body);
  // Checked before anything is written: no mailbox without a way to keep its secret.
  const key = secretKeyFrom(env);
  return deps.db.transaction(async (tx) => {
    const repos = createRepositories(tx);
    const mailbox = await repos.mailboxes.upsert(principal.tenantId, {
      address: body.address,
      provider: 'imap',
      displayName: body.displayName,
    });
    await repos.connections.save(principal.tenantId, mailbox.id, {
      host: body.host,
      port: body.port,
      tls: body.tls ?? true,
      username: body.username ?? body.address,
      authKind,
      oauth: body.oauth2 ? { tokenUrl: body.oauth2.tokenUrl, clientId: body.oauth2.clientId, scope: body.oauth2.scope } : {},
      sealedSecret: sealMailboxSecret(key, principal.tenantId, mailbox.id, secret),
      inboxFolder: body.inboxFolder,
      quarantineMode: body.quarantineMode,
      quarantineFolder: body.quarantineFolder,
      backlogDays: body.backlogDays,
    });
    const active = mailbox.status === 'active' ? mailbox : await repos.mailboxes.setStatus(principal.tenantId, mailbox.id, 'active');
    await repos.audit.append(principal.tenantId, {
      actor: actorOf(principal),
      action: 'mailbox.add',
      target: { kind: 'mailbox', id: mailbox.id },
      details: { address: mailbox.address, host: body.host, port: body.port, authKind },
    });
    return active;
  });
}
