import type { SendResult } from './adapter.js';
import type { Clock } from './clock.js';
import { platformOf, type Platform } from './model/ids.js';
import type { Outbox } from './outbox.js';
import type { Reply } from './reply.js';
import { LocalSendPacer } from './local-send-pacer.js';
import type { SendPacer } from './send-pacer.js';

/** How one platform's queue sends. */
export interface QueueLimits {
  /** Sends in flight at once. */
  concurrency: number;
  /** Optional pacing: at most this many sends a second (a platform's documented limit); 429s are honoured either way. */
  perSecond?: number;
  /** Tries per message, the first included; after that it is given up as failed. */
  maxAttempts: number;
  /** Backoff after a transient failure (5xx, timeout) without Retry-After: base * 2^(tries-1), capped. */
  backoffMs: number;
  maxBackoffMs: number;
  /** What one rate limit covers: the platform (Discord's bot-wide limit) or each workspace (Slack's are per workspace). */
  bucketBy: 'platform' | 'workspace';
}

export const DEFAULT_LIMITS: QueueLimits = { concurrency: 4, maxAttempts: 5, backoffMs: 1000, maxBackoffMs: 30_000, bucketBy: 'platform' };

/** Waits; injected so tests and benchmarks control time. */
export type Wait = (ms: number) => Promise<void>;

export const realWait: Wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export interface QueuedOutboxOptions {
  clock: Clock;
  wait?: Wait;
  /** Each platform's limits over DEFAULT_LIMITS (the adapters know them: src/send-limits.ts gathers them). */
  limits?: Partial<Record<Platform, Partial<QueueLimits>>>;
  /** Called for each try's outcome (logs, benchmarks). */
  onAttempt?: (platform: Platform, result: SendResult) => void;
  /** Paces across replicas (a limiter in the database); without it, pacing and 429 pauses are this process's own. */
  pacer?: SendPacer;
}

interface Item {
  /** The rate-limit bucket it is sent in (its platform, or its workspace). */
  bucket: string;
  run: () => Promise<SendResult>;
  tries: number;
  notBefore: number;
  resolve: (result: SendResult) => void;
}

/**
 * One queue per platform in front of another outbox (the DirectOutbox over the adapters). Bounded
 * concurrency; paced per bucket through the pacer; a 429 holds back its message for exactly
 * Retry-After, and its whole bucket only when the pacer sees the method's limit (see SendPacer), so
 * one channel's limit never stalls the others; a transient failure is retried with backoff; a permanent one
 * (DMs closed, user gone) is not. Only a send the adapter reported as failed is retried, so a message
 * is never sent twice by the queue; a send that throws is reported failed, not retried.
 */
export class QueuedOutbox implements Outbox {
  private readonly queues = new Map<Platform, PlatformQueue>();
  private readonly pacer: SendPacer;

  constructor(
    private readonly inner: Outbox,
    private readonly options: QueuedOutboxOptions,
  ) {
    this.pacer = options.pacer ?? new LocalSendPacer(options.clock);
  }

  send(personId: string, reply: Reply): Promise<SendResult> {
    return this.queue(platformOf(personId)).push(personId, () => this.inner.send(personId, reply));
  }

  /**
   * A group DM is one platform call, queued and retried as one. When the platform has no group DM (or
   * the people are on several platforms), it is one queued DM each: retrying the whole group after one
   * DM failed would send the others twice.
   */
  async sendGroup(personIds: string[], reply: Reply): Promise<SendResult> {
    if (personIds.length === 0) return { ok: true };
    if (!isGroupAware(this.inner) || !this.inner.canGroup(personIds)) {
      const results = await Promise.all(personIds.map((id) => this.send(id, reply)));
      return results.find((r) => !r.ok) ?? { ok: true };
    }
    return this.queue(platformOf(personIds[0]!)).push(personIds[0]!, () => this.inner.sendGroup(personIds, reply));
  }

  /** Resolves once every queue is empty and idle. */
  async drain(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.idle()));
  }

  private queue(platform: Platform): PlatformQueue {
    let q = this.queues.get(platform);
    if (!q) {
      const limits = { ...DEFAULT_LIMITS, ...this.options.limits?.[platform] };
      q = new PlatformQueue(limits, this.options.clock, this.options.wait ?? realWait, (r) => this.options.onAttempt?.(platform, r), platform, this.pacer);
      this.queues.set(platform, q);
    }
    return q;
  }
}

function isGroupAware(outbox: Outbox): outbox is Outbox & { canGroup(personIds: string[]): boolean } {
  return typeof (outbox as { canGroup?: unknown }).canGroup === 'function';
}

class PlatformQueue {
  private readonly items: Item[] = [];
  private workers = 0;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly limits: QueueLimits,
    private readonly clock: Clock,
    private readonly wait: Wait,
    private readonly onAttempt: (result: SendResult) => void,
    private readonly platform: Platform,
    private readonly pacer: SendPacer,
  ) {}

  /** `personId`'s platform, or platform and workspace (`slack:T1:U1` -> `slack:T1`). */
  private bucketOf(personId: string): string {
    return this.limits.bucketBy === 'workspace' ? personId.split(':').slice(0, 2).join(':') : this.platform;
  }

  push(personId: string, run: () => Promise<SendResult>): Promise<SendResult> {
    return new Promise((resolve) => {
      this.items.push({ bucket: this.bucketOf(personId), run, tries: 0, notBefore: 0, resolve });
      // A worker may be busy with (or pacing) an item it already took: start another up to the limit.
      if (this.workers < this.limits.concurrency) {
        this.workers++;
        void this.work();
      }
    });
  }

  idle(): Promise<void> {
    if (this.workers === 0 && this.items.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private now(): number {
    return this.clock.now().getTime();
  }

  private async work(): Promise<void> {
    try {
      for (;;) {
        const now = this.now();
        const index = this.items.findIndex((i) => i.notBefore <= now);
        if (index < 0) {
          if (this.items.length === 0) break;
          await this.wait(Math.min(...this.items.map((i) => i.notBefore)) - now);
          continue;
        }
        const [item] = this.items.splice(index, 1) as [Item];
        // Unpaced, the interval is 0: the reservation only waits out a pause of the whole bucket.
        const waitMs = await this.pacer.reserve(item.bucket, this.limits.perSecond ? 1000 / this.limits.perSecond : 0);
        if (waitMs > 0) await this.wait(waitMs);
        await this.attempt(item);
      }
    } finally {
      this.workers--;
      if (this.workers === 0 && this.items.length === 0) {
        for (const resolve of this.idleWaiters.splice(0)) resolve();
      }
    }
  }

  private async attempt(item: Item): Promise<void> {
    item.tries++;
    let result: SendResult;
    try {
      result = await item.run();
    } catch (err) {
      // The platform may or may not have the message: retrying could send it twice.
      result = { ok: false, permanent: true, error: `send threw: ${err instanceof Error ? err.message : String(err)}` };
    }
    this.onAttempt(result);
    if (result.ok || result.permanent) return item.resolve(result);
    if (item.tries >= this.limits.maxAttempts) {
      return item.resolve({ ...result, permanent: true, error: `gave up after ${item.tries} tries: ${result.error}` });
    }
    const now = this.now();
    if (result.retryAfterMs !== undefined) {
      // This message waits exactly Retry-After; the bucket waits only if the pacer sees the method's limit.
      await this.pacer.limited(item.bucket, result.retryAfterMs).catch(() => undefined);
      item.notBefore = now + result.retryAfterMs;
      this.items.unshift(item);
      return;
    }
    item.notBefore = now + Math.min(this.limits.backoffMs * 2 ** (item.tries - 1), this.limits.maxBackoffMs);
    this.items.push(item);
  }
}
