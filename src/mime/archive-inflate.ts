import { inflateRawSync } from 'node:zlib';
import { Inflate } from 'fflate';

/**
 * Raw DEFLATE decompression that stops at a byte budget. Archive headers can lie about sizes
 * (zip bombs, padded payloads), so the output is counted as it is produced and decompression
 * stops once the budget is spent instead of trusting the declared size.
 *
 * The whole stream goes through node:zlib (native, aborts at `maxOutputLength`). When that
 * fails (over budget, damaged data) the first bytes are recovered with fflate's streaming
 * inflater in small steps, so an oversized or broken member can still be typed.
 */

export interface Inflated {
  /** The output, or only its first bytes when `complete` is false. */
  data: Uint8Array;
  /** True when the whole stream was decompressed within the budget and without error. */
  complete: boolean;
}

/** Output kept when the whole stream cannot be had: enough to recognise any file type. */
const HEAD_BYTES = 64 * 1024;
/** Compressed bytes per step when recovering a head: DEFLATE expands at most ~1032x, so one step yields at most ~512 KB. */
const HEAD_STEP = 512;

export function inflateRawBounded(compressed: Uint8Array, maxBytes: number, expectedSize = 0): Inflated {
  if (maxBytes <= 0) return { data: new Uint8Array(0), complete: false };
  // Large output chunks make big members fast; small ones keep tiny members from allocating a megabyte.
  const chunkSize = Math.min(1 << 20, Math.max(16 * 1024, expectedSize, compressed.length * 4));
  try {
    const out = inflateRawSync(compressed, { maxOutputLength: maxBytes, chunkSize });
    return { data: new Uint8Array(out.buffer, out.byteOffset, out.byteLength), complete: true };
  } catch {
    return { data: inflateHead(compressed, Math.min(maxBytes, HEAD_BYTES)), complete: false };
  }
}

function inflateHead(compressed: Uint8Array, maxBytes: number): Uint8Array {
  const head = new Uint8Array(maxBytes);
  let filled = 0;
  const inflater = new Inflate((chunk) => {
    const take = Math.min(chunk.length, maxBytes - filled);
    head.set(chunk.subarray(0, take), filled);
    filled += take;
  });
  try {
    // Never flagged final: a truncated stream then yields what it has instead of throwing.
    for (let offset = 0; offset < compressed.length && filled < maxBytes; offset += HEAD_STEP) {
      inflater.push(compressed.subarray(offset, offset + HEAD_STEP));
    }
  } catch {
    // Damaged data: keep what came out before the damage.
  }
  return head.subarray(0, filled);
}
