import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { displayNameDisguiseDetector } from './display-name-disguise.ts';
import { testMessage } from './test-message.ts';

describe('sender.display-name-disguise', () => {
  it('flags look-alike letters from another alphabet and says what the name reads as', async () => {
    const hits = await runDetector(
      displayNameDisguiseDetector,
      testMessage({ from: '"Nutrisyst\u0435m P\u0430rtn\u0435r" <offers@example.net>' }),
    );
    assert.deepEqual(hits.get('SENDER_DISPLAY_NAME_DISGUISED')?.evidence, [
      'name reads as "Nutrisystem Partner"',
      'Cyrillic or Greek letters inside Latin words',
    ]);
  });

  it('flags spaced-out and invisibly split names', async () => {
    for (const name of ['L e d g e r', 'Net\u200dflix Billing']) {
      const hits = await runDetector(displayNameDisguiseDetector, testMessage({ from: `"${name}" <x@example.net>` }));
      assert.ok(hits.has('SENDER_DISPLAY_NAME_DISGUISED'), name);
    }
  });

  it('stays quiet for accented, Cyrillic, Greek and CJK names', async () => {
    for (const name of ['Zoë Müller', 'Анна Петрова', 'Νίκος Παπαδόπουλος', '伊東 仁', 'Nguyễn Văn An', 'مهسا\u200cپور']) {
      const hits = await runDetector(displayNameDisguiseDetector, testMessage({ from: `"${name}" <x@example.net>` }));
      assert.equal(hits.size, 0, name);
    }
  });
});

describe('sender.display-name-disguise and emoji', () => {
  it('does not take emoji joined by zero-width joiners for a disguise', async () => {
    const hits = await runDetector(
      displayNameDisguiseDetector,
      testMessage({ from: '"Dev Weekly \u{1F469}\u200d\u{1F4BB}\u{1F938}\u200d\u2640\ufe0f" <news@example.net>' }),
    );
    assert.equal(hits.size, 0);
  });
});
