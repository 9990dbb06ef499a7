import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../storage/db.ts';
import { type ApiWorld, openApiWorld } from './api-world.ts';
import { CROSS_TENANT_CASES } from './cross-tenant-cases.ts';

/** Every route the API registers, as `METHOD /path/:param`, read from its own OpenAPI document. */
export function registeredRoutes(world: ApiWorld): string[] {
  const document = world.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
  );
}

/**
 * The cross-tenant suite, on whichever database `openTestDb` gives (in-memory PGlite in `npm
 * test`, PostgreSQL in the integration tests).
 */
export function crossTenantSuite(driver: string, openTestDb: () => Promise<{ db: Db; cleanup: () => Promise<void> }>): void {
  describe(`tenant isolation of every API route (${driver})`, () => {
    let world: ApiWorld;
    let cleanup: () => Promise<void>;
    before(async () => {
      const opened = await openTestDb();
      cleanup = opened.cleanup;
      world = await openApiWorld(opened.db);
    });
    after(async () => {
      await world?.close();
      await cleanup?.();
    });

    it('has a cross-tenant case for every registered route, and no case for a route that is gone', () => {
      assert.deepEqual([...registeredRoutes(world)].sort(), Object.keys(CROSS_TENANT_CASES).sort());
    });

    for (const [route, check] of Object.entries(CROSS_TENANT_CASES)) {
      it(`${route}: tenant B cannot see or touch tenant A`, () => check(world));
    }
  });
}
