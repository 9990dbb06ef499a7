import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RecentRawMessages } from './recent-raw.ts';

describe('RecentRawMessages', () => {
  it('hands bytes to the scan once, by tenant and message', () => {
    const cache = new RecentRawMessages(1024);
    const raw = Buffer.from('Subject: hi\r\n\r\nbody\r\n');
    cache.put('t1', 'm1', raw);
    assert.equal(cache.take('t2', 'm1'), undefined, 'another tenant never sees it');
    assert.equal(cache.take('t1', 'm1'), raw);
    assert.equal(cache.take('t1', 'm1'), undefined, 'a second scan (a rescan) reads storage');
  });

  it('forgets the oldest messages past its size bound and never keeps a large one', () => {
    const cache = new RecentRawMessages(800);
    for (let i = 0; i < 10; i++) cache.put('t', `m${i}`, Buffer.alloc(100, i));
    assert.equal(cache.take('t', 'm0'), undefined);
    assert.equal(cache.take('t', 'm1'), undefined);
    assert.deepEqual(cache.take('t', 'm9'), Buffer.alloc(100, 9));
    cache.put('t', 'big', Buffer.alloc(200));
    assert.equal(cache.take('t', 'big'), undefined, 'over an eighth of the bound: left to storage');
  });
});
