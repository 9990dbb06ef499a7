import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../api-prefix.ts';

/** Where `npm run build:web` writes the console. */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/**
 * Headers for the console's own pages. Scripts and styles only from this origin; images from
 * here or `data:`, plus any https image because a revealed preview loads the mail's own images
 * (inside a sandboxed frame that cannot run scripts); nothing may frame the console.
 */
const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "frame-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The console: the built web app at `/`, and every other path outside the API answered with its
 * index.html so the app's own routes can be bookmarked. When the app is not built, `/` says how
 * to build it instead of failing.
 */
export async function registerConsole(app: FastifyInstance, distDir = WEB_DIST): Promise<void> {
  const built = existsSync(`${distDir}/index.html`);
  if (built) await app.register(fastifyStatic, { root: distDir, serve: false });
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    reply
      .header('content-security-policy', CONSOLE_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer');
    const path = (request.params as { '*': string })['*'] ?? '';
    if (path.startsWith(API_PREFIX.slice(1))) {
      return reply.code(404).send({ error: { code: 'NOT_FOUND', message: `Route ${request.method}:${request.url} not found` } });
    }
    if (!built) {
      return reply
        .type('text/plain; charset=utf-8')
        .code(503)
        .send('The Mailward console is not built yet: run "npm run build:web" (npm start does it for you), then reload.\n');
    }
    // Hashed assets never change; index.html must be fetched again after an upgrade.
    if (/^assets\/[\w.-]+$/.test(path) && existsSync(`${distDir}/${path}`)) {
      return reply.header('cache-control', 'public, max-age=31536000, immutable').sendFile(path);
    }
    if (/^[\w.-]+\.(svg|ico|png|txt)$/.test(path) && existsSync(`${distDir}/${path}`)) return reply.sendFile(path);
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
