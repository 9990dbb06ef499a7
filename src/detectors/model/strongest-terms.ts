import { featureIndex } from '../../model/hashing.ts';
import type { LinearModel } from '../../model/linear-model.ts';

/**
 * The features that pushed the model furthest towards "threat", in words an analyst can read
 * (`subject: verify`, `link host: example.test`, `signal: URL_SHORTENER`), for the evidence.
 */
export function strongestTerms(
  model: Pick<LinearModel, 'weights' | 'dimension'>,
  names: readonly string[],
  lines: number,
  perLine = 6,
): string[] {
  const scored = names
    .map((name) => ({ name, weight: model.weights[featureIndex(name, model.dimension)] }))
    .filter((f) => f.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, perLine * lines);
  if (scored.length === 0) return [];
  return [`strongest: ${scored.map((f) => readable(f.name)).join(', ')}`];
}

const FIELD_NAMES: Record<string, string> = {
  s: 'subject',
  s2: 'subject',
  b: 'body',
  b2: 'body',
  l: 'link text',
  l2: 'link text',
  h: 'link host',
  h2: 'link domain',
  tld: 'link TLD',
  att: 'attachment',
  attkind: 'attachment type',
  sig: 'signal',
};

function readable(name: string): string {
  const colon = name.indexOf(':');
  const field = name.slice(0, colon);
  return `${FIELD_NAMES[field] ?? field} "${name.slice(colon + 1)}"`;
}
