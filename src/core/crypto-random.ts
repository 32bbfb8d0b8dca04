import { randomBytes } from 'node:crypto';

/** Uniform in [0, 1) from the operating system's CSPRNG (53 random bits), for noise nobody can predict. */
export function cryptoRandom(): number {
  const b = randomBytes(8);
  return (b.readUInt32BE(0) * 2 ** 21 + (b.readUInt32BE(4) >>> 11)) / 2 ** 53;
}
