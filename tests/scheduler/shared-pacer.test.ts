import { describe, expect, it } from 'vitest';
import type { Adapter, SendResult } from '../../src/core/adapter.js';
import { ManualClock } from '../../src/core/clock.js';
import { DirectOutbox } from '../../src/core/direct-outbox.js';
import type { Platform } from '../../src/core/model/ids.js';
import { QueuedOutbox } from '../../src/core/queued-outbox.js';
import type { Reply } from '../../src/core/reply.js';
import type { SendPacer } from '../../src/core/send-pacer.js';

const hello: Reply = { text: 'hello', blocks: [] };

class ScriptedSlack implements Adapter {
  readonly platform = 'slack' as const;
  constructor(private readonly script: SendResult[]) {}
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  async send(): Promise<SendResult> {
    return this.script.shift() ?? { ok: true };
  }
}

/** A pacer standing in for the database: it hands out the waits it is told to and records what it was asked. */
class RecordingPacer implements SendPacer {
  readonly reserved: Array<{ platform: Platform; intervalMs: number }> = [];
  readonly paused: Array<{ platform: Platform; ms: number }> = [];
  constructor(private readonly waits: number[]) {}
  async reserve(platform: Platform, intervalMs: number): Promise<number> {
    this.reserved.push({ platform, intervalMs });
    return this.waits.shift() ?? 0;
  }
  async pause(platform: Platform, ms: number): Promise<void> {
    this.paused.push({ platform, ms });
  }
}

function setup(pacer: RecordingPacer, script: SendResult[] = [], perSecond = 20) {
  const clock = new ManualClock(new Date('2026-03-02T09:30:00Z'));
  const waits: number[] = [];
  const direct = new DirectOutbox();
  direct.attach(new ScriptedSlack(script));
  const outbox = new QueuedOutbox(direct, {
    clock,
    wait: async (ms) => {
      waits.push(ms);
      clock.advance(ms);
    },
    limits: { slack: { ...(perSecond ? { perSecond } : {}), concurrency: 1 } },
    pacer,
  });
  return { outbox, waits };
}

describe('the send queue with a shared pacer (replicas on one database)', () => {
  it('given a pace, each send waits for the slot the shared pacer reserved instead of its own', async () => {
    const pacer = new RecordingPacer([0, 120, 35]);
    const { outbox, waits } = setup(pacer);
    await Promise.all(['A', 'B', 'C'].map((u) => outbox.send(`slack:T1:${u}`, hello)));
    expect(pacer.reserved).toEqual(Array(3).fill({ platform: 'slack', intervalMs: 50 }));
    expect(waits).toEqual([120, 35]);
  });

  it('given no pace of its own, the queue still waits out a pause another replica was told to take', async () => {
    const pacer = new RecordingPacer([900]);
    const { outbox, waits } = setup(pacer, [], 0);
    expect(await outbox.send('slack:T1:A', hello)).toEqual({ ok: true });
    expect(pacer.reserved).toEqual([{ platform: 'slack', intervalMs: 0 }]);
    expect(waits).toEqual([900]);
  });

  it("given a 429 with Retry-After, the pause is shared so the other replicas wait it out too", async () => {
    const pacer = new RecordingPacer([]);
    const { outbox } = setup(pacer, [{ ok: false, permanent: false, error: 'ratelimited', retryAfterMs: 3000 }]);
    expect(await outbox.send('slack:T1:A', hello)).toEqual({ ok: true });
    expect(pacer.paused).toEqual([{ platform: 'slack', ms: 3000 }]);
  });
});
