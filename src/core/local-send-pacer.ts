import type { Clock } from './clock.js';
import { BUCKET_STRIKES, type SendPacer } from './send-pacer.js';

interface Bucket {
  nextAt: number;
  strikes: number;
  strikesUntil: number;
}

/** The pacer of one process (the JSON store): the same rules as the shared one in PostgreSQL, in memory. */
export class LocalSendPacer implements SendPacer {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly clock: Clock) {}

  private bucket(name: string): Bucket {
    let b = this.buckets.get(name);
    if (!b) this.buckets.set(name, (b = { nextAt: 0, strikes: 0, strikesUntil: 0 }));
    return b;
  }

  async reserve(name: string, intervalMs: number): Promise<number> {
    const now = this.clock.now().getTime();
    const b = this.bucket(name);
    const slot = Math.max(b.nextAt, now);
    b.nextAt = slot + intervalMs;
    return slot - now;
  }

  async limited(name: string, ms: number): Promise<void> {
    const now = this.clock.now().getTime();
    const b = this.bucket(name);
    b.strikes = b.strikesUntil > now ? b.strikes + 1 : 1;
    b.strikesUntil = now + ms;
    if (b.strikes >= BUCKET_STRIKES) b.nextAt = Math.max(b.nextAt, now + ms);
  }
}
