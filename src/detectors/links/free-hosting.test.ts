import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { freeHostingDetector, hostingPlatformOf } from './free-hosting.ts';
import { htmlMessage, readFixture } from './testing.ts';

describe('links.free-hosting', () => {
  it('flags free hosting links, IPFS content and a password form posting to a platform', async () => {
    const hits = await runDetector(freeHostingDetector, readFixture('shared-document-free-hosting'));
    assert.deepEqual(hits.get('URL_FREE_HOSTING')?.evidence, [
      'docs-viewer-7f3a.web.app (app hosting)',
      'collect-7f3a.workers.dev (app hosting)',
    ]);
    assert.equal(hits.get('URL_IPFS')?.evidence.length, 1);
    assert.deepEqual(hits.get('URL_FORM_FREE_HOSTING'), {
      id: 'URL_FORM_FREE_HOSTING',
      factor: 1,
      evidence: ['form -> collect-7f3a.workers.dev (app hosting)'],
    });
  });

  it('weighs a form without a password field less, and counts forms posting to an IP', async () => {
    const hits = await runDetector(
      freeHostingDetector,
      htmlMessage('<form action="http://203.0.113.9/post.php"><input name="email"></form>'),
    );
    assert.equal(hits.get('URL_FORM_FREE_HOSTING')?.factor, 0.7);
  });

  it('follows redirect targets and ipfs: links', async () => {
    const hits = await runDetector(
      freeHostingDetector,
      htmlMessage(
        '<a href="https://www.google.com/url?q=https://owa-login.netlify.app/">a</a> <a href="ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi">b</a>',
      ),
    );
    assert.deepEqual(hits.get('URL_FREE_HOSTING')?.evidence, ['owa-login.netlify.app (app hosting)']);
    assert.ok(hits.has('URL_IPFS'));
  });

  it('weighs blogs and project pages half', async () => {
    const hits = await runDetector(freeHostingDetector, readFixture('newsletter-click-tracking'));
    assert.deepEqual(hits.get('URL_FREE_HOSTING'), {
      id: 'URL_FREE_HOSTING',
      factor: 0.5,
      evidence: ['harborpine.github.io (site builder)'],
    });
  });

  it("ignores the platforms' own sites and ordinary domains", async () => {
    const hits = await runDetector(
      freeHostingDetector,
      htmlMessage(
        '<a href="https://www.netlify.com/pricing">Netlify</a> <a href="https://docs.google.com/document/d/1x/edit">doc</a> <a href="https://shop.example/">shop</a>',
      ),
    );
    assert.equal(hits.size, 0);
  });

  it('knows platforms by suffix, shared host and path', () => {
    assert.equal(hostingPlatformOf('x.web.app', 'https://x.web.app/')?.kind, 'app hosting');
    assert.equal(hostingPlatformOf('docs.google.com', 'https://docs.google.com/forms/d/e/1FAIp/viewform')?.kind, 'form builder');
    assert.equal(
      hostingPlatformOf('bucket.s3.eu-west-1.amazonaws.com', 'https://bucket.s3.eu-west-1.amazonaws.com/a.html')?.kind,
      'cloud storage',
    );
    assert.equal(hostingPlatformOf('web.app', 'https://web.app/'), undefined);
  });
});
