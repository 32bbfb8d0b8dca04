import cron, { type ScheduledTask } from 'node-cron';
import type { AppContext } from '../core/app-context.js';
import type { Delivery } from '../core/model/delivery.js';
import type { Person } from '../core/model/person.js';
import type { Outbox } from '../core/outbox.js';
import { addDays, type LocalDate } from '../core/time.js';
import { effectiveTimeZone } from '../features/people.js';
import type { Job, Occurrence } from './job.js';
import { jobs as allJobs } from './jobs/index.js';
import { inQuietHours, quietEnd } from './local-time.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface SchedulerOptions {
  /** How late an occurrence may still be sent (after downtime, or after quiet hours end). Default 2 hours. */
  graceMs?: number;
  /** How far back the first tick looks: older-than-grace occurrences found there are recorded as missed. Default 24 hours. */
  lookbackMs?: number;
  /** A pending entry older than this at start-up belongs to a send that died with the process: marked unknown. Default 15 minutes. */
  sendTimeoutMs?: number;
  /** Where sends go; default the app's outbox (in main.ts, a QueuedOutbox over the adapters). */
  outbox?: Outbox;
  jobs?: readonly Job[];
  /**
   * Occurrences handled at once in a tick. Bounded so the first messages go out while later ones are
   * still being prepared (a prompt costs store reads and a durable write), and so a crash leaves few
   * entries pending. Default 64; the send queue behind the outbox sets the platform concurrency.
   */
  poolSize?: number;
  /**
   * Whether this process can deliver to a person now (default: always). With replicas, the one holding
   * the Discord gateway delivers Discord's occurrences; the others leave them unclaimed for it.
   */
  handles?: (personId: string) => boolean;
}

/** What one tick did, for logs and tests. */
export interface TickSummary {
  sent: number;
  failed: number;
  missed: number;
  /** Someone else (another tick, another instance, before a restart) already has this in the ledger. */
  duplicate: number;
  paused: number;
  /** Waiting for quiet hours to end. */
  deferred: number;
  /** The job had nothing to send (e.g. the person already checked in). */
  nothing: number;
}

interface Waiting {
  job: Job;
  occurrence: Occurrence;
  sendAt: Date;
}

type Outcome = keyof TickSummary | 'none';

/**
 * The minute tick. Each tick asks every job for the occurrences due since the previous tick, drops
 * paused people, holds back quiet hours, and sends each occurrence at most once through the ledger:
 * claim (pending) -> send -> sent | failed. Deterministic for a given `now`, so tests drive tick()
 * with a manual clock; start() only adds the node-cron timer and the restart recovery.
 */
export class Scheduler {
  private readonly graceMs: number;
  private readonly lookbackMs: number;
  private readonly sendTimeoutMs: number;
  private readonly outbox: Outbox;
  private readonly jobs: readonly Job[];
  private readonly poolSize: number;
  private readonly handles: (personId: string) => boolean;
  private lastTick: Date | undefined;

  /** The time of the last tick; undefined before the first. */
  get lastTickAt(): Date | undefined {
    return this.lastTick;
  }
  private readonly waiting = new Map<string, Waiting>();
  /**
   * Occurrences due while this process could not deliver them (Discord without the gateway), by ledger
   * key: looked at again each tick within the grace window, so a replica that takes the gateway over
   * sends what came due while its holder was dying (the ledger still makes each one once).
   */
  private readonly elsewhere = new Map<string, Waiting>();
  /** Ticks run one after another, so each window starts where the previous one ended. */
  private chain: Promise<unknown> = Promise.resolve();
  private task: ScheduledTask | undefined;
  private stopped = false;

  constructor(
    private readonly app: AppContext,
    options: SchedulerOptions = {},
  ) {
    this.graceMs = options.graceMs ?? 2 * HOUR;
    this.lookbackMs = Math.max(options.lookbackMs ?? 24 * HOUR, this.graceMs);
    this.sendTimeoutMs = options.sendTimeoutMs ?? 15 * MINUTE;
    this.outbox = options.outbox ?? app.outbox;
    this.jobs = options.jobs ?? allJobs;
    this.poolSize = options.poolSize ?? 64;
    this.handles = options.handles ?? (() => true);
  }

  /**
   * Recovers from a previous run, catches up, then ticks every minute until stop(). The recovery and the
   * catch-up run in the tick chain, so a tick asked for meanwhile (the shell's \advance) waits for them.
   */
  async start(): Promise<void> {
    this.stopped = false;
    const recovered = this.chain.catch(() => undefined).then(() => this.recoverPending(this.app.clock.now()));
    this.chain = recovered;
    await recovered;
    if (this.stopped) return;
    await this.tick(this.app.clock.now());
    // Stopped during the catch-up (a shell that ended at once): no timer may outlive stop().
    if (this.stopped) return;
    this.task = cron.schedule('* * * * *', () => this.tick(this.app.clock.now()).then(() => undefined), {
      name: 'attune-scheduler',
      noOverlap: true,
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.task) {
      await this.task.stop();
      await this.task.destroy();
      this.task = undefined;
    }
    await this.chain.catch(() => undefined);
  }

  /**
   * Pending entries left by a process that stopped between claim and send: whether the platform got
   * the message is unknown, and a missed prompt is better than a double one, so they are not resent.
   */
  async recoverPending(now: Date): Promise<number> {
    const cutoff = now.getTime() - this.sendTimeoutMs;
    const utcToday = now.toISOString().slice(0, 10);
    let count = 0;
    for (let d = -2; d <= 1; d++) {
      for (const entry of await this.app.store.ledger.on(addDays(utcToday, d))) {
        if (entry.status !== 'pending' || new Date(entry.updatedAt).getTime() > cutoff) continue;
        // Only an entry still pending becomes unknown: a send that finished meanwhile keeps its outcome.
        await this.app.store.ledger.update(entry.personId, entry.job, entry.localDate, (d) =>
          d.status === 'pending' ? { ...d, status: 'unknown', updatedAt: now.toISOString(), error: 'the process stopped during the send; not resent' } : d,
        );
        count++;
      }
    }
    if (count) this.app.log.warn({ count }, 'deliveries left pending by a previous run were marked unknown and not resent');
    return count;
  }

  /** Runs one tick at `now` (queued behind a tick still running). */
  tick(now: Date): Promise<TickSummary> {
    const run = this.chain.catch(() => undefined).then(() => this.runTick(now));
    this.chain = run;
    return run;
  }

  /**
   * The due times in (last tick, to], for the shell's \advance: ticking at each of them delivers
   * every occurrence on time instead of treating a simulated week as downtime.
   */
  async dueTimesUntil(to: Date): Promise<Date[]> {
    await this.chain.catch(() => undefined);
    const from = this.lastTick ?? new Date(to.getTime() - this.lookbackMs);
    if (to <= from) return [];
    const times = new Set<number>();
    for (const job of this.jobs) {
      for (const occ of await job.occurrences(this.app, { from, to })) times.add(occ.dueAt.getTime());
    }
    for (const w of this.waiting.values()) if (w.sendAt <= to) times.add(w.sendAt.getTime());
    return [...times].sort((a, b) => a - b).map((t) => new Date(t));
  }

  private async runTick(now: Date): Promise<TickSummary> {
    const summary: TickSummary = { sent: 0, failed: 0, missed: 0, duplicate: 0, paused: 0, deferred: 0, nothing: 0 };
    // A long jump (a laptop asleep, the shell's \time) looks back no further than a restart would.
    const floor = new Date(now.getTime() - this.lookbackMs);
    const from = this.lastTick && this.lastTick > floor ? this.lastTick : floor;
    // A clock moved backwards (the shell's \time) starts a fresh window rather than replaying.
    this.lastTick = now;
    const work: Waiting[] = [];
    for (const [key, w] of this.elsewhere) {
      if (w.occurrence.dueAt.getTime() + this.graceMs < now.getTime()) this.elsewhere.delete(key);
      else if (this.handles(w.occurrence.personId)) {
        this.elsewhere.delete(key);
        work.push(w);
      }
    }
    if (now > from) {
      for (const job of this.jobs) {
        try {
          for (const occurrence of await job.occurrences(this.app, { from, to: now })) {
            const w = { job, occurrence, sendAt: occurrence.dueAt };
            if (this.handles(occurrence.personId)) work.push(w);
            else this.elsewhere.set(ledgerKey(occurrence), w);
          }
        } catch (err) {
          this.app.log.error({ err, job: job.name }, 'a job failed to list its occurrences');
        }
      }
    }
    for (const [key, w] of this.waiting) {
      if (w.sendAt <= now) {
        this.waiting.delete(key);
        work.push(w);
      }
    }
    const outcomes = await inPool(work, this.poolSize, (w) => this.handle(w, now).catch((err: unknown) => this.crashed(w, err)));
    for (const o of outcomes) if (o !== 'none') summary[o]++;
    if (summary.sent || summary.failed || summary.missed) this.app.log.info({ ...summary, at: now.toISOString() }, 'scheduler tick');
    return summary;
  }

  private crashed(w: Waiting, err: unknown): Outcome {
    this.app.log.error({ err, job: w.job.name, person: w.occurrence.personId }, 'a scheduled send failed');
    return 'failed';
  }

  private async handle({ job, occurrence: occ }: Waiting, now: Date): Promise<Outcome> {
    const { store } = this.app;
    const person = await store.people.get(occ.personId);
    if (!person) return 'none';
    // `stop` is everything, even the follow-ups a person once asked for.
    if (person.stoppedAt || (!job.ignoresPause && isPaused(person, occ.localDate))) return 'paused';
    if (await store.ledger.get(occ.personId, occ.key, occ.localDate)) return 'duplicate';

    const deadline = occ.dueAt.getTime() + this.graceMs;
    if (now.getTime() > deadline) return this.recordMissed(occ, now, 'not sent within the grace window after downtime');
    if (person.quietHours) {
      const zone = effectiveTimeZone(this.app, person);
      const at = now > occ.dueAt ? now : occ.dueAt;
      if (inQuietHours(at, zone, person.quietHours)) {
        const end = quietEnd(at, zone, person.quietHours);
        if (end.getTime() > deadline) return this.recordMissed(occ, now, 'quiet hours lasted past the grace window');
        this.waiting.set(ledgerKey(occ), { job, occurrence: occ, sendAt: end });
        return 'deferred';
      }
    }

    const reply = await job.what(this.app, occ);
    if (!reply) return 'nothing';
    const claimed = await store.ledger.claim(entry(occ, 'pending', now));
    if (!claimed) return 'duplicate';
    let result;
    try {
      result = await this.outbox.send(occ.personId, reply);
    } catch (err) {
      result = { ok: false as const, permanent: true, error: err instanceof Error ? err.message : String(err) };
    }
    const done = this.app.clock.now().toISOString();
    if (result.ok) {
      await store.ledger.update(occ.personId, occ.key, occ.localDate, (d) => ({ ...d, status: 'sent', updatedAt: done, attempts: 1 }));
      return 'sent';
    }
    await store.ledger.update(occ.personId, occ.key, occ.localDate, (d) => ({ ...d, status: 'failed', updatedAt: done, attempts: 1, error: result.error.slice(0, 500) }));
    this.app.log.warn({ job: job.name, person: occ.personId, error: result.error, permanent: result.permanent }, 'scheduled message not delivered');
    return 'failed';
  }

  private async recordMissed(occ: Occurrence, now: Date, why: string): Promise<Outcome> {
    const claimed = await this.app.store.ledger.claim({ ...entry(occ, 'missed', now), error: why });
    return claimed ? 'missed' : 'duplicate';
  }
}

/** Runs `fn` over the items with at most `size` at once; results in input order. */
async function inPool<T, R>(items: readonly T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return out;
}

/** pausedUntil is the last paused local date, inclusive. */
export function isPaused(person: Person, date: LocalDate): boolean {
  return person.pausedUntil !== undefined && person.pausedUntil >= date;
}

function ledgerKey(occ: Occurrence): string {
  return `${occ.personId}|${occ.key}|${occ.localDate}`;
}

function entry(occ: Occurrence, status: Delivery['status'], now: Date): Delivery {
  return {
    personId: occ.personId,
    job: occ.key,
    localDate: occ.localDate,
    status,
    dueAt: occ.dueAt.toISOString(),
    updatedAt: now.toISOString(),
    attempts: 0,
  };
}
