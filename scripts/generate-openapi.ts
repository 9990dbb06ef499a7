/** `npm run openapi`: rewrites docs/openapi.json from the API's route schemas. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { OPENAPI_PATH, renderOpenApiDocument } from '../src/api/openapi/generate-document.ts';

writeFileSync(resolve(import.meta.dirname, '..', OPENAPI_PATH), await renderOpenApiDocument());
process.stdout.write(`wrote ${OPENAPI_PATH}\n`);
