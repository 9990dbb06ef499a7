import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ConnectorError } from './errors.ts';

/**
 * Mailbox credentials at rest: AES-256-GCM under a 32-byte key from `MAILWARD_SECRET_KEY`
 * (base64 or hex). The database alone never reveals a password or token. Sealed text is
 * `v1.<iv>.<tag>.<ciphertext>` in base64url; the associated data binds it to its mailbox, so a
 * sealed secret copied onto another mailbox's row does not open.
 */
export const SECRET_KEY_ENV = 'MAILWARD_SECRET_KEY';

export function secretKeyFrom(env: Record<string, string | undefined> = process.env): Buffer {
  const text = env[SECRET_KEY_ENV]?.trim();
  if (!text) {
    throw new ConnectorError(
      'CONNECTOR_SECRET_KEY_MISSING',
      `${SECRET_KEY_ENV} is not set: mailbox credentials are encrypted with it. Create one with: openssl rand -base64 32`,
    );
  }
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) {
    throw new ConnectorError('CONNECTOR_SECRET_KEY_MISSING', `${SECRET_KEY_ENV} must be 32 bytes, base64 or hex (openssl rand -base64 32)`);
  }
  return key;
}

export function sealSecret(key: Buffer, plaintext: string, boundTo: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(boundTo));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

export function openSecret(key: Buffer, sealed: string, boundTo: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) {
    throw new ConnectorError('CONNECTOR_SECRET_UNREADABLE', 'stored credentials are not in a known format');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(boundTo));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch (error) {
    throw new ConnectorError(
      'CONNECTOR_SECRET_UNREADABLE',
      `stored credentials do not open with ${SECRET_KEY_ENV} (was the key changed?)`,
      {
        cause: error,
      },
    );
  }
}
