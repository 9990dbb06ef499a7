import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TopCounts } from './counters.ts';
import type { MessageFacts } from './message-facts.ts';
import { TenantBehaviour } from './tenant-behaviour.ts';

const DAY = 86_400_000;

function inbound(overrides: Partial<MessageFacts> = {}): MessageFacts {
  return {
    at: Date.UTC(2026, 0, 5, 9),
    hour: 9,
    direction: 'inbound',
    from: 'anna.berg@supplier.example',
    fromDomain: 'supplier.example',
    fromSite: 'supplier.example',
    fromName: 'Anna Berg',
    fromFreemail: false,
    replyToSites: [],
    orgRecipients: ['jo@org.example'],
    externalRecipients: [],
    externalRecipientSites: [],
    messageId: 'm1@supplier.example',
    references: [],
    claimsReply: false,
    auth: 'pass',
    infra: 'outlook.com',
    client: 'microsoft outlook',
    bulk: false,
    asksPayment: false,
    asksCredentials: false,
    ...overrides,
  };
}

function outbound(overrides: Partial<MessageFacts> = {}): MessageFacts {
  return inbound({
    direction: 'outbound',
    from: 'jo@org.example',
    fromDomain: 'org.example',
    fromSite: 'org.example',
    fromName: 'Jo Lind',
    orgRecipients: [],
    externalRecipients: ['anna.berg@supplier.example'],
    externalRecipientSites: ['supplier.example'],
    messageId: 'o1@org.example',
    ...overrides,
  });
}

describe('TopCounts', () => {
  it('keeps frequent keys when a full table meets new ones', () => {
    const counts = new TopCounts(2);
    for (let i = 0; i < 5; i++) counts.add('outlook.com');
    counts.add('google.com');
    counts.add('vps.test');
    assert.equal(counts.size, 2);
    assert.equal(counts.get('outlook.com'), 5);
    assert.ok(counts.has('vps.test'), 'the newest key replaces the smallest');
    assert.ok(!counts.has('google.com'));
  });
});

describe('TenantBehaviour', () => {
  it('learns senders, domains, users and threads from clean mail', () => {
    const model = new TenantBehaviour();
    model.learn(inbound());
    model.learn(inbound({ at: Date.UTC(2026, 0, 6, 10), hour: 10, messageId: 'm2@supplier.example', asksPayment: true }));
    model.learn(outbound({ at: Date.UTC(2026, 0, 6, 11) }));
    const domain = model.domain('supplier.example');
    assert.ok(domain);
    assert.equal(domain.inbound, 2);
    assert.equal(domain.outbound, 1);
    assert.equal(domain.authPass, 2);
    assert.equal(domain.payment, 1);
    assert.ok(domain.infra.has('outlook.com'));
    assert.equal(model.sender('anna.berg@supplier.example')?.names.get('Anna Berg'), 2);
    assert.ok(model.isEstablished('supplier.example'), 'the organisation wrote to it');
    const user = model.user('jo@org.example');
    assert.equal(user?.sent, 1);
    assert.equal(user?.received, 2);
    assert.ok(user?.correspondents.has('anna.berg@supplier.example'));
    assert.deepEqual(model.threadParties('o1@org.example'), ['supplier.example']);
    assert.equal(model.threadParties('never@seen.example'), undefined);
  });

  it('stays within its limits by dropping the least recently seen entries', () => {
    const model = new TenantBehaviour({ maxSenders: 3, maxDomains: 3, maxThreads: 3 });
    for (let i = 0; i < 10; i++) {
      const site = `s${i}.example`;
      model.learn(
        inbound({ at: Date.UTC(2026, 0, 5) + i * DAY, from: `a@${site}`, fromDomain: site, fromSite: site, messageId: `m${i}@${site}` }),
      );
    }
    const counts = model.counts();
    assert.equal(counts.senders, 3);
    assert.equal(counts.domains, 3);
    assert.equal(counts.threads, 3);
    assert.ok(model.domain('s9.example'));
    assert.equal(model.domain('s0.example'), undefined);
    const changes = model.takeChanges();
    assert.ok(changes.deletes.some((d) => d.kind === 'domain' && d.key === 's0.example'));
    assert.equal(model.takeChanges().upserts.filter((u) => u.kind !== 'meta').length, 0, 'changes are handed out once');
  });

  it('round-trips through its stored form', () => {
    const model = new TenantBehaviour();
    model.learn(inbound());
    model.learn(outbound());
    const copy = TenantBehaviour.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    assert.deepEqual(copy.toJSON(), model.toJSON());
    assert.equal(copy.domain('supplier.example')?.infra.get('outlook.com'), 1);
  });

  it('forgets the sender of a confirmed threat', () => {
    const model = new TenantBehaviour();
    const attack = inbound({
      from: 'ceo@freemail.example',
      fromSite: 'freemail.example',
      fromDomain: 'freemail.example',
      messageId: 'x@freemail.example',
    });
    model.learn(attack);
    model.forget(attack);
    assert.equal(model.sender('ceo@freemail.example'), undefined);
    assert.equal(model.domain('freemail.example'), undefined);
    assert.equal(model.threadParties('x@freemail.example'), undefined);
  });

  it('is warm only after enough history', () => {
    const model = new TenantBehaviour({ warmAfter: 2 });
    model.learn(inbound());
    assert.equal(model.warm, false);
    model.learn(inbound());
    assert.equal(model.warm, true);
  });
});
