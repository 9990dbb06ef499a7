/** `npm run docs`: rewrites the generated documentation (signal catalogue, CLI help). */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GENERATED_DOCS } from '../src/docs/generate.ts';

for (const doc of GENERATED_DOCS) {
  writeFileSync(resolve(import.meta.dirname, '..', doc.path), doc.render());
  process.stdout.write(`wrote ${doc.path}\n`);
}
