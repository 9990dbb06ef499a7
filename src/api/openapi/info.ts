/** The OpenAPI document's front matter. */
export const OPENAPI_INFO = {
  title: 'Mailward API',
  version: '1.0.0',
  description:
    'Mailward HTTP API. Every route except health and readiness needs `Authorization: Bearer <api key>`. ' +
    'A key belongs to one tenant and has one role: read-only (read), analyst (also release, delete, not a threat, upload) ' +
    'or admin (also settings, API keys, dead jobs, raw downloads, metrics). Ids of another tenant answer 404. ' +
    'Errors are `{ "error": { "code", "message" } }`.',
};
