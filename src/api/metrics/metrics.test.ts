import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { call, useApiWorld } from '../testing/api-world.ts';

const V = '/api/v1';

describe('metrics', () => {
  const world = useApiWorld();

  it('serves Prometheus text to admin keys: requests by route pattern, latencies, ingested messages', async () => {
    const { app, a } = world();
    await call(app, a.keys.readOnly, 'GET', `${V}/messages/${a.clean.id}`);
    const upload = await call(app, a.keys.analyst, 'POST', `${V}/messages`, {
      body: Buffer.from('From: m@example.test\r\nSubject: metrics\r\n\r\nx\r\n'),
      headers: { 'content-type': 'message/rfc822' },
    });
    assert.equal(upload.statusCode, 202);
    const response = await call(app, a.keys.admin, 'GET', `${V}/metrics`);
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/plain/);
    const text = response.body;
    assert.match(text, /mailward_http_requests_total\{method="GET",route="\/api\/v1\/messages\/:id",status="200"\} 1/);
    assert.match(text, /mailward_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/api\/v1\/messages\/:id"\}/);
    assert.match(text, /mailward_messages_ingested_total\{source="api",outcome="created"\} 1/);
    assert.match(text, /# TYPE mailward_messages_scanned_total counter/);
    assert.equal(text.includes(a.clean.id), false, 'no ids in labels');
    assert.equal(text.includes(a.tenantId), false, 'no tenant in labels');
  });

  it('refuses scrapes without an admin key', async () => {
    const { app, a } = world();
    assert.equal((await call(app, null, 'GET', `${V}/metrics`)).statusCode, 401);
    assert.equal((await call(app, a.keys.analyst, 'GET', `${V}/metrics`)).statusCode, 403);
  });
});
