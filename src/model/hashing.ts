/**
 * Feature hashing: every feature name becomes an index in a fixed-size weight vector, so the
 * model needs no vocabulary file and unseen words cost nothing. FNV-1a (32-bit) is fast, stable
 * across platforms and good enough at spreading short strings.
 */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Index of a feature name in a vector of `dimension` weights (a power of two). */
export function featureIndex(name: string, dimension: number): number {
  return fnv1a(name) & (dimension - 1);
}
