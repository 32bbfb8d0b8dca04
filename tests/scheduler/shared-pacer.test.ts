import { describe, expect, it } from 'vitest';
import type { Adapter, SendResult } from '../../src/core/adapter.js';
import { ManualClock } from '../../src/core/clock.js';
import { DirectOutbox } from '../../src/core/direct-outbox.js';
import { QueuedOutbox } from '../../src/core/queued-outbox.js';
import type { Reply } from '../../src/core/reply.js';
import type { SendPacer } from '../../src/core/send-pacer.js';
import { slackSendLimits } from '../../src/adapters/slack/send-limits.js';

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
  readonly reserved: Array<{ bucket: string; intervalMs: number }> = [];
  readonly told: Array<{ bucket: string; ms: number }> = [];
  constructor(private readonly waits: number[]) {}
  async reserve(bucket: string, intervalMs: number): Promise<number> {
    this.reserved.push({ bucket, intervalMs });
    return this.waits.shift() ?? 0;
  }
  async limited(bucket: string, ms: number): Promise<void> {
    this.told.push({ bucket, ms });
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
    limits: { slack: { ...slackSendLimits(undefined), ...(perSecond ? { perSecond } : {}), concurrency: 1 } },
    pacer,
  });
  return { outbox, waits };
}

describe('the send queue with a shared pacer (replicas on one database)', () => {
  it('given a pace, each send waits for the slot the shared pacer reserved instead of its own', async () => {
    const pacer = new RecordingPacer([0, 120, 35]);
    const { outbox, waits } = setup(pacer);
    await Promise.all(['A', 'B', 'C'].map((u) => outbox.send(`slack:T1:${u}`, hello)));
    expect(pacer.reserved).toEqual(Array(3).fill({ bucket: 'slack:T1', intervalMs: 50 }));
    expect(waits).toEqual([120, 35]);
  });

  it('given no pace of its own, the queue still waits out a pause another replica was told to take', async () => {
    const pacer = new RecordingPacer([900]);
    const { outbox, waits } = setup(pacer, [], 0);
    expect(await outbox.send('slack:T1:A', hello)).toEqual({ ok: true });
    expect(pacer.reserved).toEqual([{ bucket: 'slack:T1', intervalMs: 0 }]);
    expect(waits).toEqual([900]);
  });

  it('given a 429 with Retry-After, it is reported to the shared pacer for the workspace, so the replicas can tell a method limit from a channel limit', async () => {
    const pacer = new RecordingPacer([]);
    const { outbox } = setup(pacer, [{ ok: false, permanent: false, error: 'ratelimited', retryAfterMs: 3000 }]);
    expect(await outbox.send('slack:T1:A', hello)).toEqual({ ok: true });
    expect(pacer.told).toEqual([{ bucket: 'slack:T1', ms: 3000 }]);
  });
});
