import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runDetector } from '../../pipeline/testing.ts';
import { subjectDetector } from './subject.ts';

function withSubject(subject: string): string {
  return ['From: Sender <a@sender.example>', 'To: b@northwind-traders.test', `Subject: ${subject}`, '', 'Hello', ''].join('\r\n');
}

async function idsFor(subject: string): Promise<string[]> {
  return [...(await runDetector(subjectDetector, withSubject(subject))).keys()];
}

describe('structure.subject', () => {
  it('flags a subject shouted in capitals, not short tags or acronyms', async () => {
    assert.deepEqual(await idsFor('YOUR ACCOUNT HAS BEEN SUSPENDED'), ['STRUCT_SUBJECT_ALL_CAPS']);
    assert.deepEqual(await idsFor('RE: FYI ASAP'), []);
    assert.deepEqual(await idsFor('Your account has been SUSPENDED'), []);
  });

  it('flags Q-encoded ASCII letters, not encoded words that need encoding', async () => {
    const hits = await runDetector(subjectDetector, withSubject('=?UTF-8?Q?=50=72=69=6D=65_membership?='));
    assert.deepEqual(hits.get('STRUCT_SUBJECT_ENCODED_ASCII')?.evidence.at(-1), '5 letters escaped');
    assert.deepEqual(await idsFor('=?UTF-8?Q?Gr=C3=BC=C3=9Fe_aus_M=C3=BCnchen?='), []);
    assert.deepEqual(await idsFor('=?UTF-8?B?R3LDvMOfZSBhdXMgTcO8bmNoZW4=?='), []);
  });
});
