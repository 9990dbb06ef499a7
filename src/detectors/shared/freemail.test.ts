import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isFreemail } from './freemail.ts';

describe('isFreemail', () => {
  it('knows the large providers, national variants and regional ones', () => {
    for (const domain of [
      'gmail.com',
      'Outlook.com',
      'hotmail.co.uk',
      'hotmail.it',
      'yahoo.com.br',
      'gmx.es',
      'mail.ru',
      'qq.com',
      'proton.me',
      'yopmail.com',
      'naver.com',
    ]) {
      assert.equal(isFreemail(domain), true, domain);
    }
  });

  it('counts a provider’s subdomains as the provider', () => {
    assert.equal(isFreemail('eu.gmx.net'), true);
  });

  it('does not take company domains, look-alikes or the providers’ business domains for free-mail', () => {
    for (const domain of [
      'fabrikam.com',
      'google.com',
      'microsoft.com',
      'gmail-support.com',
      'mygmail.com',
      'yahoo.example',
      '',
      'livestream.com',
    ]) {
      assert.equal(isFreemail(domain), false, domain);
    }
  });
});
