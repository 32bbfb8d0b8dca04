import { describe, expect, it } from 'vitest';
import type { Adapter, SendResult } from '../../src/core/adapter.js';
import { ManualClock } from '../../src/core/clock.js';
import { DirectOutbox } from '../../src/core/direct-outbox.js';
import { QueuedOutbox, type QueueLimits } from '../../src/core/queued-outbox.js';
import type { Reply } from '../../src/core/reply.js';
import { slackSendLimits } from '../../src/adapters/slack/send-limits.js';

const hello: Reply = { text: 'hello', blocks: [] };
const T0 = Date.parse('2026-03-02T09:30:00Z');

/** A Slack-like adapter whose answer to each call is scripted per person; it records the calls and deliveries. */
class FakeAdapter implements Adapter {
  readonly platform = 'slack' as const;
  readonly calls: Array<{ to: string; at: number }> = [];
  readonly delivered: string[] = [];
  inFlight = 0;
  maxInFlight = 0;
  constructor(
    private readonly clock: ManualClock,
    private readonly script: Record<string, Array<SendResult | 'throw'>> = {},
  ) {}
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  async send(personId: string): Promise<SendResult> {
    this.calls.push({ to: personId, at: this.clock.now().getTime() - T0 });
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await Promise.resolve();
    await Promise.resolve();
    this.inFlight--;
    const next = this.script[personId]?.shift() ?? { ok: true };
    if (next === 'throw') throw new Error('socket hang up');
    if (next.ok) this.delivered.push(personId);
    return next;
  }
}

function setup(script: Record<string, Array<SendResult | 'throw'>> = {}, limits: Partial<QueueLimits> = { concurrency: 1 }) {
  const clock = new ManualClock(new Date(T0));
  const waits: number[] = [];
  const adapter = new FakeAdapter(clock, script);
  const direct = new DirectOutbox();
  direct.attach(adapter);
  // A fake timer: waiting moves the manual clock instead of sleeping.
  const wait = async (ms: number) => {
    waits.push(ms);
    clock.advance(ms);
  };
  const outbox = new QueuedOutbox(direct, { clock, wait, limits: { slack: { ...slackSendLimits(undefined), ...limits } } });
  return { clock, waits, adapter, outbox };
}

const rateLimited = (ms: number): SendResult => ({ ok: false, permanent: false, error: 'ratelimited', retryAfterMs: ms });
const serverError: SendResult = { ok: false, permanent: false, error: 'HTTP 500' };

describe('the per-platform send queue', () => {
  it("honours Retry-After precisely for the message it answered, without stalling the others (a channel's limit)", async () => {
    const { adapter, outbox } = setup({ 'slack:T1:A': [rateLimited(3000)] });
    const results = await Promise.all([outbox.send('slack:T1:A', hello), outbox.send('slack:T1:B', hello)]);
    expect(results).toEqual([{ ok: true }, { ok: true }]);
    expect(adapter.calls).toEqual([
      { to: 'slack:T1:A', at: 0 },
      { to: 'slack:T1:B', at: 0 },
      { to: 'slack:T1:A', at: 3000 },
    ]);
    expect(adapter.delivered).toEqual(['slack:T1:B', 'slack:T1:A']);
  });

  it("given 429s for three people of one workspace within one Retry-After (the method's limit), the whole workspace waits it out", async () => {
    const { adapter, outbox } = setup({ 'slack:T1:A': [rateLimited(2000)], 'slack:T1:B': [rateLimited(2000)], 'slack:T1:C': [rateLimited(2000)] });
    await Promise.all(['A', 'B', 'C', 'D'].map((u) => outbox.send(`slack:T1:${u}`, hello)));
    expect(adapter.calls.find((c) => c.to === 'slack:T1:D')!.at).toBe(2000);
    expect(adapter.delivered.sort()).toEqual(['slack:T1:A', 'slack:T1:B', 'slack:T1:C', 'slack:T1:D']);
  });

  it("given the method's limit in one Slack workspace, another workspace's messages are not held back", async () => {
    const { adapter, outbox } = setup({ 'slack:T1:A': [rateLimited(2000)], 'slack:T1:B': [rateLimited(2000)], 'slack:T1:C': [rateLimited(2000)] });
    await Promise.all(['T1:A', 'T1:B', 'T1:C', 'T2:E'].map((u) => outbox.send(`slack:${u}`, hello)));
    expect(adapter.calls.find((c) => c.to === 'slack:T2:E')!.at).toBe(0);
  });

  it('backs off exponentially on 5xx and delivers once when the platform recovers', async () => {
    const { adapter, outbox, waits } = setup({ 'slack:T1:A': [serverError, serverError] });
    expect(await outbox.send('slack:T1:A', hello)).toEqual({ ok: true });
    expect(adapter.calls.map((c) => c.at)).toEqual([0, 1000, 3000]);
    expect(waits).toEqual([1000, 2000]);
    expect(adapter.delivered).toEqual(['slack:T1:A']);
  });

  it('keeps other messages moving while one waits out its 5xx backoff', async () => {
    const { adapter, outbox } = setup({ 'slack:T1:A': [serverError] });
    await Promise.all([outbox.send('slack:T1:A', hello), outbox.send('slack:T1:B', hello)]);
    expect(adapter.calls).toEqual([
      { to: 'slack:T1:A', at: 0 },
      { to: 'slack:T1:B', at: 0 },
      { to: 'slack:T1:A', at: 1000 },
    ]);
  });

  it('gives up after the bounded number of tries and reports the failure', async () => {
    const { adapter, outbox } = setup({ 'slack:T1:A': [serverError, serverError, serverError] }, { concurrency: 1, maxAttempts: 3 });
    const result = await outbox.send('slack:T1:A', hello);
    expect(result).toEqual({ ok: false, permanent: true, error: 'gave up after 3 tries: HTTP 500' });
    expect(adapter.calls).toHaveLength(3);
    expect(adapter.delivered).toEqual([]);
  });

  it('does not retry a permanent failure (DMs closed, Discord 50007)', async () => {
    const closed: SendResult = { ok: false, permanent: true, error: 'Cannot send messages to this user (50007)' };
    const { adapter, outbox } = setup({ 'slack:T1:A': [closed] });
    expect(await outbox.send('slack:T1:A', hello)).toEqual(closed);
    expect(adapter.calls).toHaveLength(1);
  });

  it('does not retry a send that threw, since the platform may already have the message', async () => {
    const { adapter, outbox } = setup({ 'slack:T1:A': ['throw'] });
    expect(await outbox.send('slack:T1:A', hello)).toEqual({ ok: false, permanent: true, error: 'send threw: socket hang up' });
    expect(adapter.calls).toHaveLength(1);
  });

  it('keeps at most `concurrency` sends in flight', async () => {
    const { adapter, outbox } = setup({}, { concurrency: 3 });
    await Promise.all(Array.from({ length: 10 }, (_, i) => outbox.send(`slack:T1:U${i}`, hello)));
    expect(adapter.maxInFlight).toBe(3);
    expect(adapter.delivered).toHaveLength(10);
  });

  it('paces sends to perSecond when a rate is configured', async () => {
    const { adapter, outbox } = setup({}, { concurrency: 2, perSecond: 2 });
    await Promise.all(Array.from({ length: 5 }, (_, i) => outbox.send(`slack:T1:U${i}`, hello)));
    expect(adapter.calls.map((c) => c.at).sort((a, b) => a - b)).toEqual([0, 500, 1000, 1500, 2000]);
  });

  it('answers at once for a platform with no adapter, without queueing forever', async () => {
    const { outbox } = setup();
    expect(await outbox.send('discord:G1:U1', hello)).toEqual({ ok: false, permanent: true, error: 'no discord adapter is running' });
  });

  it('sends a group as one queued DM each when the platform has no group DM, so a retry never repeats the others', async () => {
    const { adapter, outbox } = setup({ 'slack:T1:B': [rateLimited(1000)] });
    expect(await outbox.sendGroup(['slack:T1:A', 'slack:T1:B'], hello)).toEqual({ ok: true });
    expect(await outbox.sendGroup([], hello)).toEqual({ ok: true });
    expect(adapter.delivered.sort()).toEqual(['slack:T1:A', 'slack:T1:B']);
  });

  it('queues a real group DM as one call and retries it as one', async () => {
    const { adapter, outbox } = setup();
    const groups: string[][] = [];
    const answers: SendResult[] = [serverError, { ok: true }];
    Object.assign(adapter, { sendGroup: async (ids: string[]) => (groups.push(ids), answers.shift()!) });
    expect(await outbox.sendGroup(['slack:T1:A', 'slack:T1:B'], hello)).toEqual({ ok: true });
    expect(groups).toEqual([['slack:T1:A', 'slack:T1:B'], ['slack:T1:A', 'slack:T1:B']]);
    expect(adapter.calls).toEqual([]);
  });
});
