import { randomFillSync } from 'node:crypto';

/**
 * Random bytes are drawn from the OS in blocks: one randomBytes(8) per number cost ~2.5 µs, and freezing
 * one digest week draws about a thousand numbers (2.6 ms of a 12 ms digest). The pool never hands out
 * the same bytes twice.
 */
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let offset = POOL_BYTES;

/** Uniform in [0, 1) from the operating system's CSPRNG (53 random bits), for noise nobody can predict. */
export function cryptoRandom(): number {
  if (offset + 8 > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  const hi = pool.readUInt32BE(offset);
  const lo = pool.readUInt32BE(offset + 4);
  offset += 8;
  return (hi * 2 ** 21 + (lo >>> 11)) / 2 ** 53;
}
