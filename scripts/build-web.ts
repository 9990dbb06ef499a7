/**
 * Builds the web console (web/ -> web/dist/) with Vite. `--if-missing` skips the build when
 * web/dist/index.html exists, so `npm start` builds once on a fresh clone and then starts at once.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '../web');
if (process.argv.includes('--if-missing') && existsSync(resolve(root, 'dist/index.html'))) process.exit(0);
await build({ root, configFile: resolve(root, 'vite.config.ts'), logLevel: 'warn' });
console.log(`built the console into ${resolve(root, 'dist')}`);
