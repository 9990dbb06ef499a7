import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  confusableScriptsIn,
  editDistance,
  hostParts,
  isCountrySuffix,
  isWholeScriptLookalike,
  LookalikeIndex,
  skeleton,
  typoBudget,
} from './lookalike.ts';

describe('skeleton', () => {
  it('folds look-alike letters, digits and letter pairs to one form', () => {
    assert.equal(skeleton('paypa1'), skeleton('paypal'));
    assert.equal(skeleton('rnicrosoft'), skeleton('microsoft'));
    assert.equal(skeleton('micr0soft'), skeleton('microsoft'));
    assert.equal(skeleton('p\u0430ypal'), skeleton('paypal'));
    assert.equal(skeleton('\u0430\u0440\u0440\u04cf\u0435'), skeleton('apple'));
    assert.equal(skeleton('ámazon'), skeleton('amazon'));
  });

  it('keeps different names apart', () => {
    assert.notEqual(skeleton('paypal'), skeleton('playpal'));
    assert.notEqual(skeleton('amazon'), skeleton('amazing'));
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps', () => {
    assert.equal(editDistance('paypal', 'paypal', 2), 0);
    assert.equal(editDistance('paypall', 'paypal', 2), 1);
    assert.equal(editDistance('micosoft', 'microsoft', 2), 1);
    assert.equal(editDistance('mircosoft', 'microsoft', 2), 1);
    assert.equal(editDistance('amazno', 'amazon', 2), 1);
  });

  it('stops at the budget', () => {
    assert.equal(editDistance('kitten', 'sitting', 1), 2);
    assert.equal(editDistance('a', 'abcdef', 2), 3);
  });

  it('allows no typo on short names and more on long ones', () => {
    assert.equal(typoBudget(4), 0);
    assert.equal(typoBudget(6), 1);
    assert.equal(typoBudget(12), 2);
  });
});

describe('hostParts', () => {
  it('splits a host and shows punycode as the reader sees it', () => {
    assert.deepEqual(hostParts('login.xn--pypal-4ve.com'), {
      domain: 'xn--pypal-4ve.com',
      label: 'p\u0430ypal',
      suffix: 'com',
      subdomain: 'login',
    });
    assert.equal(hostParts('www.shop.co.uk')?.domain, 'shop.co.uk');
  });

  it('accepts reserved test names and refuses IPs and unknown suffixes', () => {
    assert.equal(hostParts('paypal-secure-login.example')?.label, 'paypal-secure-login');
    assert.equal(hostParts('203.0.113.7'), undefined);
    assert.equal(hostParts('open.mail.garbledtld'), undefined);
  });
});

describe('isCountrySuffix', () => {
  it('tells country suffixes from generic ones sold worldwide', () => {
    assert.equal(isCountrySuffix('de'), true);
    assert.equal(isCountrySuffix('co.uk'), true);
    assert.equal(isCountrySuffix('com.br'), true);
    assert.equal(isCountrySuffix('co'), false);
    assert.equal(isCountrySuffix('io'), false);
    assert.equal(isCountrySuffix('com'), false);
  });
});

describe('scripts', () => {
  it('reports Latin mixed with Cyrillic, not Latin with Han', () => {
    assert.deepEqual(confusableScriptsIn('p\u0430ypal'), ['Latin', 'Cyrillic']);
    assert.deepEqual(confusableScriptsIn('abc日本'), ['Latin']);
  });

  it('recognises a name written only with letters that pass for Latin', () => {
    assert.equal(isWholeScriptLookalike('\u0430\u0440\u0440\u04cf\u0435'), true);
    assert.equal(isWholeScriptLookalike('пример'), false);
    assert.equal(isWholeScriptLookalike('apple'), false);
  });
});

describe('LookalikeIndex', () => {
  const index = new LookalikeIndex(
    [
      { domain: 'paypal.com', owner: 'PayPal', distinctive: true },
      { domain: 'microsoft.com', owner: 'Microsoft', distinctive: true },
      { domain: 'office.com', owner: 'Microsoft', distinctive: false },
      { domain: 'google.com', owner: 'Google', distinctive: true },
    ],
    ['paypal-community.com'],
  );
  const kindOf = (host: string) => index.match(host)?.kind;

  it('never matches the protected domains, their subdomains or the extra own domains', () => {
    for (const host of ['paypal.com', 'www.paypal.com', 'login.microsoftonline.microsoft.com', 'paypal-community.com']) {
      assert.equal(index.match(host), undefined, host);
    }
  });

  it('finds homoglyphs, typos, suffix swaps and embedded names', () => {
    assert.equal(kindOf('paypa1.com'), 'homoglyph');
    assert.equal(kindOf('xn--pypal-4ve.com'), 'homoglyph');
    assert.equal(kindOf('micosoft.com'), 'edit-distance');
    assert.equal(kindOf('paypal.co'), 'tld-swap');
    assert.equal(kindOf('paypal-secure-login.example'), 'hyphenated');
    assert.equal(kindOf('www.paypal.com.account-check.example'), 'subdomain');
    assert.deepEqual(index.match('paypa1.com'), { kind: 'homoglyph', target: 'paypal.com', owner: 'PayPal' });
  });

  it("does not take a brand's country sites for suffix swaps", () => {
    assert.equal(index.match('www.google.co.uk'), undefined);
    assert.equal(index.match('google.de'), undefined);
  });

  it('matches everyday-word names only by look-alike letters', () => {
    assert.equal(kindOf('0ffice.com'), 'homoglyph');
    assert.equal(index.match('offices.com'), undefined);
    assert.equal(index.match('office-supplies.example'), undefined);
    assert.equal(index.match('office.net'), undefined);
  });

  it('leaves unrelated domains alone', () => {
    for (const host of ['example.com', 'mail.example.net', 'googling.example', 'paylater.example', 'micro-soft-drinks.example']) {
      assert.equal(index.match(host), undefined, host);
    }
  });
});
