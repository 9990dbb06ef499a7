/** Every API route lives under this prefix; everything else belongs to the console. */
export const API_PREFIX = '/api/v1';
