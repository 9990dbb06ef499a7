import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConnectorError } from './errors.ts';
import { openSecret, sealSecret, secretKeyFrom } from './secret-box.ts';

const key = Buffer.alloc(32, 9);

describe('mailbox secrets at rest', () => {
  it('seals with AES-256-GCM: the sealed text holds no trace of the password and opens only for its own mailbox', () => {
    const sealed = sealSecret(key, '{"password":"hunter2-correct-horse"}', 'mailbox:t1:m1');
    assert.equal(sealed.includes('hunter2'), false);
    assert.notEqual(sealed, sealSecret(key, '{"password":"hunter2-correct-horse"}', 'mailbox:t1:m1'), 'a fresh IV each time');
    assert.equal(openSecret(key, sealed, 'mailbox:t1:m1'), '{"password":"hunter2-correct-horse"}');
    assert.throws(() => openSecret(key, sealed, 'mailbox:t1:m2'), { code: 'CONNECTOR_SECRET_UNREADABLE' });
    assert.throws(() => openSecret(Buffer.alloc(32, 1), sealed, 'mailbox:t1:m1'), { code: 'CONNECTOR_SECRET_UNREADABLE' });
    const [v, iv, tag, body] = sealed.split('.');
    const tampered = [v, iv, tag, `${body.slice(0, -2)}AA`].join('.');
    assert.throws(() => openSecret(key, tampered, 'mailbox:t1:m1'), ConnectorError);
  });

  it('takes the key from MAILWARD_SECRET_KEY (base64 or hex) and says how to make one when it is missing or wrong', () => {
    assert.ok(secretKeyFrom({ MAILWARD_SECRET_KEY: key.toString('base64') }).equals(key));
    assert.ok(secretKeyFrom({ MAILWARD_SECRET_KEY: key.toString('hex') }).equals(key));
    assert.throws(
      () => secretKeyFrom({}),
      (error: ConnectorError) => error.code === 'CONNECTOR_SECRET_KEY_MISSING' && /openssl rand -base64 32/.test(error.message),
    );
    assert.throws(() => secretKeyFrom({ MAILWARD_SECRET_KEY: 'short' }), { code: 'CONNECTOR_SECRET_KEY_MISSING' });
  });
});
