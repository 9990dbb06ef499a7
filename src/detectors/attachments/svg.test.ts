import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { messageWith } from './fixture-message.ts';
import { svgDetector } from './svg.ts';

const svg = (content: string) =>
  runDetector(svgDetector, messageWith({ parts: [{ filename: 'image.svg', contentType: 'image/svg+xml', content }] }));

describe('attachments.svg', () => {
  it('finds script and embedded HTML', async () => {
    const hits = await svg(
      '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><form action="https://x.example.net"></form></foreignObject><script>location="https://x.example.net"</script></svg>',
    );
    assert.deepEqual(hits.get('ATT_SVG_ACTIVE_CONTENT')?.evidence, ['image.svg: script, foreignObject']);
  });

  it('stays quiet on a static logo', async () => {
    const hits = await svg(
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#036"/></svg>',
    );
    assert.equal(hits.size, 0);
  });
});
