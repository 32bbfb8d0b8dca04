import { createHash } from 'node:crypto';

/** A stable number from text: deterministic "randomness" that tests can reproduce. */
export function stableHash(text: string): number {
  return createHash('sha1').update(text).digest().readUInt32BE(0);
}
