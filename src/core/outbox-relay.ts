import { randomUUID } from 'node:crypto';
import type { SendResult } from './adapter.js';
import type { Clock } from './clock.js';
import type { Outbox } from './outbox.js';
import type { RelayedOutbox } from './replicas.js';
import type { Reply } from './reply.js';
import type { OutboxRepository, QueuedMessage } from './store/index.js';

const ALL_PLATFORMS = ['shell', 'slack', 'discord'] as const;

export interface OutboxRelayOptions {
  outbox: OutboxRepository;
  clock: Clock;
  /** Recorded on the messages this process claims. */
  claimer: string;
  /** Where a claimed message is really sent: the paced per-platform queue over the adapters. */
  deliver: Outbox;
  /** Platforms this process can send to now (Discord: only the gateway holder); default all. */
  platforms?: () => readonly string[];
  /** How often a started relay looks for messages other processes queued. Default 1 s. */
  pollMs?: number;
  /** Claimed and not finished after this long: its sender died mid-send; marked unknown, not resent. Default 15 min. */
  sendTimeoutMs?: number;
  batch?: number;
  /**
   * After a commit (`flush`) or a `send`: wait until this process has sent what it could (the JSON store,
   * the shell, tests), or only start a pass and return (replicas, where any of them may send it).
   */
  waitForSends?: boolean;
  /** A message the platform did not take: logged by the caller without its content. */
  onUndelivered?: (message: { id: string; recipients: number }, result: SendResult) => void;
  onError?: (err: unknown) => void;
}

/** Finished messages only guard their key against a second write of the same decision: two days is plenty. */
const KEEP_FINISHED_MS = 2 * 86_400_000;

/**
 * The relay between the store's outbox and the platforms. Features queue messages in their
 * transactions (`tx.outbox`) and call `flush` after the commit; messages started outside a
 * transaction go through `send` (queued with a fresh key, then relayed). Every process runs one; the
 * store's claim gives each message to one of them.
 */
export class OutboxRelay implements RelayedOutbox {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(private readonly options: OutboxRelayOptions) {}

  /** Queued durably, then relayed; `ok` means the message will be sent, not that the platform took it. */
  send(personId: string, reply: Reply): Promise<SendResult> {
    return this.queue([personId], reply, false);
  }

  sendGroup(personIds: string[], reply: Reply): Promise<SendResult> {
    if (personIds.length === 0) return Promise.resolve({ ok: true });
    return this.queue(personIds, reply, true);
  }

  private async queue(recipients: string[], reply: Reply, group: boolean): Promise<SendResult> {
    await this.options.outbox.enqueue({ key: randomUUID(), recipients, reply, group }, this.options.clock.now());
    await this.flush();
    return { ok: true };
  }

  /** A transaction that queued messages committed: relay them (and wait, when so configured). */
  async flush(): Promise<void> {
    if (this.stopped) return;
    const pass = this.kick();
    if (this.options.waitForSends) await pass;
  }

  /** Starts polling: a pass now, then one every pollMs. */
  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => void this.kick(), this.options.pollMs ?? 1000);
    void this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Runs a relay pass, or another right after the one in progress; resolves when that pass is done. */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running.then(() => this.running);
    }
    this.running = this.relay()
      .then(() => undefined)
      .catch((err: unknown) => this.options.onError?.(err))
      .finally(() => {
        this.running = undefined;
        if (this.again && !this.stopped) {
          this.again = false;
          void this.kick();
        }
      });
    return this.running;
  }

  /** Sends everything waiting that this process may send; resolves with how many it sent. */
  async relay(): Promise<number> {
    const { outbox, clock } = this.options;
    const now = clock.now().getTime();
    await outbox.expire(new Date(now - (this.options.sendTimeoutMs ?? 15 * 60_000)), new Date(now - KEEP_FINISHED_MS));
    let sent = 0;
    for (;;) {
      const platforms = this.options.platforms?.() ?? ALL_PLATFORMS;
      const claimed = await outbox.claim(this.options.claimer, platforms, this.options.batch ?? 20, clock.now());
      if (claimed.length === 0) return sent;
      await Promise.all(claimed.map((m) => this.deliver(m)));
      sent += claimed.length;
    }
  }

  private async deliver(message: QueuedMessage): Promise<void> {
    let result: SendResult;
    try {
      result = message.group ? await this.options.deliver.sendGroup(message.recipients, message.reply) : await this.options.deliver.send(message.recipients[0]!, message.reply);
    } catch (err) {
      result = { ok: false, permanent: true, error: err instanceof Error ? err.message : String(err) };
    }
    if (!result.ok) this.options.onUndelivered?.({ id: message.id, recipients: message.recipients.length }, result);
    await this.options.outbox.finish(message.id, result.ok ? 'sent' : `failed: ${result.error}`, this.options.clock.now());
  }
}
