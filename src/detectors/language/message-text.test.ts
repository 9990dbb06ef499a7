import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Link } from '../../mime/types.ts';
import { BODY_BUDGET, buildLanguageText } from './message-text.ts';

function link(text: string): Link {
  return { href: 'https://example.com/', scheme: 'https', host: 'example.com', text, source: 'html', kind: 'anchor' };
}

test('drops quoted reply lines: those words belong to the earlier message', () => {
  const text = buildLanguageText({
    subject: 'Re: spam',
    text: 'Agreed.\n> Your mailbox is full, verify your account\nWe should block them.',
    htmlText: '',
    links: [],
  });
  assert.equal(text.body.text, 'agreed. we should block them.');
});

test('reads the html rendering too when the plain part says something else', () => {
  const text = buildLanguageText({
    subject: '',
    text: 'View this message in a browser.',
    htmlText: 'Confirm your password today',
    links: [],
  });
  assert.match(text.body.text, /view this message in a browser\. confirm your password today/);
});

test('bounds the body and collects distinct link texts', () => {
  const text = buildLanguageText({
    subject: 'Hello',
    text: 'word '.repeat(BODY_BUDGET),
    htmlText: 'never read',
    links: [link('Sign in'), link('Sign in'), link('  '), link('Unsubscribe')],
  });
  assert.ok(text.body.text.length <= BODY_BUDGET);
  assert.doesNotMatch(text.body.text, /never read/);
  assert.equal(text.linkTexts.text, 'sign in | unsubscribe');
});
