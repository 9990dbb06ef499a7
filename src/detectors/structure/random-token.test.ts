import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { trailingRandomToken } from './random-token.ts';

describe('trailingRandomToken', () => {
  it('finds generated tokens after a separator', () => {
    assert.equal(trailingRandomToken('Comunicado urgente - Ve6kbag'), 'Ve6kbag');
    assert.equal(trailingRandomToken('Crédito liberado - v5V0ZVRe1Hjaz'), 'v5V0ZVRe1Hjaz');
    assert.equal(trailingRandomToken('Your invoice #7731-AX'), '7731-AX');
    assert.equal(trailingRandomToken('Pontos expirando Jz9z5NantT'), 'Jz9z5NantT');
  });

  it('leaves words, names, versions and order numbers alone', () => {
    for (const line of [
      'RE: [Spambayes] New web training interface for pop3proxy',
      'Fax2Mail',
      'Order #123456 has shipped',
      'Re: Q3 budget v2 draft',
      'Meeting at 10am',
      'Invoice A12345',
      'New ipv6 setup',
      'Weekly report',
    ]) {
      assert.equal(trailingRandomToken(line), undefined, line);
    }
  });
});
