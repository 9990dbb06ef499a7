import pino from 'pino';
import type { ServiceDeps } from '../../service/deps.ts';
import { buildApi } from '../server.ts';

export const OPENAPI_PATH = 'docs/openapi.json';

/**
 * The OpenAPI document, built from the route schemas of a server that never serves a request:
 * the dependencies are only looked at when a request arrives, so placeholders are enough and
 * generating needs no database.
 */
export async function renderOpenApiDocument(): Promise<string> {
  const placeholders = { log: pino({ level: 'silent' }), repos: {} } as unknown as ServiceDeps;
  const app = await buildApi(placeholders);
  try {
    await app.ready();
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
  }
}
