import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { VerdictClass } from '../../core/verdict.ts';

/**
 * Process-wide Prometheus metrics. Labels never carry tenant ids, addresses or message ids: a
 * scrape shows volumes and latencies, not whose mail it was.
 */
export interface MailwardMetrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route'>;
  messagesIngested: Counter<'source' | 'outcome'>;
  messagesScanned: Counter<'verdict'>;
}

/** A registry of its own per instance, so two servers (or two tests) in one process never share counts. */
export function createMailwardMetrics(): MailwardMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'mailward_' });
  return {
    registry,
    httpRequests: new Counter({
      name: 'mailward_http_requests_total',
      help: 'HTTP API requests answered, by route pattern and status.',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'mailward_http_request_duration_seconds',
      help: 'HTTP API request latency, by route pattern.',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    messagesIngested: new Counter({
      name: 'mailward_messages_ingested_total',
      help: 'Messages ingested, by source; outcome "duplicate" when the message was already stored.',
      labelNames: ['source', 'outcome'],
      registers: [registry],
    }),
    messagesScanned: new Counter({
      name: 'mailward_messages_scanned_total',
      help: 'Messages scanned, by verdict class.',
      labelNames: ['verdict'],
      registers: [registry],
    }),
  };
}

/** For the scan worker's post hook: counts one finished scan. */
export function recordScan(metrics: MailwardMetrics, verdict: VerdictClass): void {
  metrics.messagesScanned.inc({ verdict });
}
