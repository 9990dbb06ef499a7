import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { openRedirectDetector } from './open-redirect.ts';
import { htmlMessage, readFixture } from './testing.ts';

describe('links.open-redirect', () => {
  it('flags Google and Bing redirects to other sites, including base64 targets', async () => {
    const hits = await runDetector(openRedirectDetector, readFixture('redirect-and-shortener'));
    assert.deepEqual(hits.get('URL_OPEN_REDIRECT')?.evidence, [
      'Google /url: www.google.com -> reschedule-parcel.example',
      'Bing click: www.bing.com -> parcel-fee.example',
    ]);
  });

  it('reads targets of AMP and Translate proxies', async () => {
    const hits = await runDetector(
      openRedirectDetector,
      htmlMessage(
        '<a href="https://www.google.com/amp/s/login-check.example/owa">a</a> <a href="https://login--check-example.translate.goog/?_x_tr_sl=auto">b</a>',
      ),
    );
    assert.deepEqual(hits.get('URL_OPEN_REDIRECT')?.evidence, [
      'Google AMP: www.google.com -> login-check.example',
      'Google Translate proxy: login--check-example.translate.goog -> login-check.example',
    ]);
  });

  it('records a click tracker carrying another site only as the weak generic signal', async () => {
    const hits = await runDetector(openRedirectDetector, readFixture('newsletter-click-tracking'));
    assert.deepEqual([...hits.keys()], ['URL_REDIRECT_PARAM']);
    assert.deepEqual(hits.get('URL_REDIRECT_PARAM')?.evidence, ['click.mailer-platform.example -> www.harborpine.example']);
  });

  it('ignores mail-security link wrappers, redirects within one site and hosts that cannot resolve', async () => {
    const body = [
      '<a href="https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fshop.example%2F&amp;data=05">wrapped</a>',
      '<a href="https://www.google.com/url?q=https://www.google.com/maps">maps</a>',
      // Two addresses run together by a broken template: the first "host" is not a real name, nothing redirects.
      '<a href="http://www.town-gazette.example.comhttp://www.town-gazette.example.com/stories/1.html">story</a>',
    ].join(' ');
    assert.equal((await runDetector(openRedirectDetector, htmlMessage(body))).size, 0);
  });
});
