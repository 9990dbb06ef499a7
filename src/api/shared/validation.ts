import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

function validator(coerceTypes: boolean | 'array'): Ajv {
  // Unknown fields are refused rather than dropped, so a misspelt setting is an error, not a silent no-op.
  const ajv = new Ajv({ coerceTypes, removeAdditional: false, useDefaults: true, allErrors: false, strict: false });
  addFormats(ajv);
  return ajv;
}

/**
 * Query strings and path parameters arrive as text, so they are coerced (`?limit=5`, a single
 * `?verdict=phish` as a list). JSON bodies are not: a string where a list belongs is an error.
 */
export function createValidatorCompiler(): FastifySchemaCompiler<object> {
  const strictBodies = validator(false);
  const coercedText = validator('array');
  return ({ schema, httpPart }) => (httpPart === 'body' ? strictBodies : coercedText).compile(schema);
}
