import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { RecordingOutbox } from '../../../src/core/direct-outbox.js';
import { OutboxRelay } from '../../../src/core/outbox-relay.js';
import type { Reply } from '../../../src/core/reply.js';
import type { Store } from '../../../src/core/store/index.js';
import { engines, T0, type EngineHandle } from './engines.js';
import { match, person } from './records.js';

const intro = (n: number): Reply => ({ text: `intro ${n}`, blocks: [{ type: 'text', text: `intro ${n}` }] });

function relay(store: Store, sink: RecordingOutbox, options: { claimer?: string; platforms?: readonly string[]; clock?: ManualClock; sendTimeoutMs?: number } = {}) {
  return new OutboxRelay({
    outbox: store.outbox,
    clock: options.clock ?? new ManualClock(T0.toISOString()),
    claimer: options.claimer ?? 'r0',
    deliver: sink,
    ...(options.platforms ? { platforms: () => options.platforms! } : {}),
    ...(options.sendTimeoutMs !== undefined ? { sendTimeoutMs: options.sendTimeoutMs } : {}),
  });
}

const delivered = (...sinks: RecordingOutbox[]) => sinks.flatMap((s) => s.sent.map((m) => `${m.to.join('+')}=${m.reply.text}`)).sort();

describe.each(engines)('store contract ($name): the transactional outbox', (engine) => {
  let h: EngineHandle | undefined;
  afterEach(async () => {
    await h?.destroy();
    h = undefined;
  });

  it('given a message queued in a transaction that then fails, no message is left and none is sent', async () => {
    h = await engine.create();
    await h.store.people.create(person('ann'));
    await expect(
      h.store.transaction(async (tx) => {
        await tx.mentoring.matches.create(match('m1', 'ann', 'bob'));
        await tx.outbox.enqueue({ key: 'intro:m1', recipients: ['shell:ann'], reply: intro(1) }, T0);
        throw new Error('the feature changed its mind');
      }),
    ).rejects.toThrow('changed its mind');
    const sink = new RecordingOutbox();
    expect(await relay(h.store, sink).relay()).toBe(0);
    expect(sink.sent).toEqual([]);
    expect(await h.store.outbox.pending()).toBe(0);
    expect(await h.store.mentoring.matches.get('m1')).toBeUndefined();
  });

  it('given a message queued in a transaction that commits, it is sent with the state change, and exactly once across two senders', async () => {
    h = await engine.create();
    const other = await h.peer();
    for (let n = 0; n < 60; n++) {
      await (n % 2 ? other : h.store).transaction(async (tx) => {
        await tx.mentoring.matches.create(match(`m${n}`, 'ann', `bob${n}`));
        await tx.outbox.enqueue({ key: `intro:m${n}`, recipients: [`slack:T1:U${n}`], reply: intro(n) }, T0);
      });
    }
    const sinks = [new RecordingOutbox(), new RecordingOutbox()];
    const relays = [relay(h.store, sinks[0]!, { claimer: 'r0' }), relay(other, sinks[1]!, { claimer: 'r1' })];
    await Promise.all(relays.map((r) => r.relay()));
    await Promise.all(relays.map((r) => r.relay()));
    const all = delivered(...sinks);
    expect(all).toHaveLength(60);
    expect(new Set(all).size).toBe(60);
    expect(all).toContain('slack:T1:U7=intro 7');
    expect(await h.store.outbox.pending()).toBe(0);
  });

  it('given the same decision queued twice under one key, it is sent once', async () => {
    h = await engine.create();
    expect(await h.store.outbox.enqueue({ key: 'invitation:i1', recipients: ['slack:T1:A'], reply: intro(1) }, T0)).toBe(true);
    expect(await h.store.transaction((tx) => tx.outbox.enqueue({ key: 'invitation:i1', recipients: ['slack:T1:A'], reply: intro(1) }, T0))).toBe(false);
    const sink = new RecordingOutbox();
    await relay(h.store, sink).relay();
    expect(sink.sent).toHaveLength(1);
  });

  it('given a group intro with a chart, it is delivered as one group message with the same bytes', async () => {
    h = await engine.create();
    const chart: Reply = { text: 'chart', blocks: [{ type: 'image', alt: 'a chart', filename: 'c.png', data: new Uint8Array([137, 80, 78, 71]), mime: 'image/png' }] };
    const sink = new RecordingOutbox();
    await h.store.outbox.enqueue({ key: 'pair', recipients: ['slack:T1:A', 'slack:T1:B'], reply: chart, group: true }, T0);
    await relay(h.store, sink).relay();
    expect(sink.sent).toEqual([{ to: ['slack:T1:A', 'slack:T1:B'], reply: chart }]);
  });

  it('given a sender that claimed a message and died, the message becomes unknown and is not sent again', async () => {
    h = await engine.create();
    await h.store.outbox.enqueue({ key: 'k1', recipients: ['slack:T1:A'], reply: intro(1) }, T0);
    expect(await h.store.outbox.claim('dead', ['slack'], 10, T0)).toHaveLength(1);
    const clock = new ManualClock(new Date(T0.getTime() + 16 * 60_000).toISOString());
    const sink = new RecordingOutbox();
    await relay(h.store, sink, { clock }).relay();
    expect(sink.sent).toEqual([]);
    expect(await h.store.outbox.pending()).toBe(0);
  });

  it('given a sender without the Discord gateway, it leaves Discord messages to the one holding it', async () => {
    h = await engine.create();
    const [slackOnly, holder] = [new RecordingOutbox(), new RecordingOutbox()];
    await h.store.outbox.enqueue({ key: 'a', recipients: ['discord:G1:111111'], reply: intro(1) }, T0);
    await h.store.outbox.enqueue({ key: 'b', recipients: ['slack:T1:A'], reply: intro(2) }, T0);
    await relay(h.store, slackOnly, { platforms: ['slack'] }).relay();
    await relay(await h.peer(), holder, { claimer: 'r1', platforms: ['slack', 'discord'] }).relay();
    expect(slackOnly.sent.map((m) => m.to)).toEqual([['slack:T1:A']]);
    expect(holder.sent.map((m) => m.to)).toEqual([['discord:G1:111111']]);
  });

  it('given a person erased before their intro was sent, messages to them (alone or in a group) are gone with them', async () => {
    h = await engine.create();
    await h.store.people.create(person('bob'));
    await h.store.outbox.enqueue({ key: 'g', recipients: ['shell:ann', 'shell:bob'], reply: intro(1), group: true }, T0);
    await h.store.outbox.enqueue({ key: 'c', recipients: ['shell:cat'], reply: intro(2) }, T0);
    await h.store.privacy.erasePerson('shell:bob');
    const sink = new RecordingOutbox();
    await relay(h.store, sink).relay();
    expect(sink.sent.map((m) => m.to)).toEqual([['shell:cat']]);
  });

  it('given messages queued before a restart, they are sent after it', async () => {
    h = await engine.create();
    await h.store.transaction((tx) => tx.outbox.enqueue({ key: 'k', recipients: ['shell:ann'], reply: intro(3) }, T0));
    const reopened = await h.reopen();
    const sink = new RecordingOutbox();
    await relay(reopened, sink).relay();
    expect(delivered(sink)).toEqual(['shell:ann=intro 3']);
  });
});
