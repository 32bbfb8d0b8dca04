import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DirectOutbox } from '../../src/core/direct-outbox.js';
import { QueuedOutbox } from '../../src/core/queued-outbox.js';
import { reply } from '../../src/core/reply.js';
import { SlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import { SIGNING_SECRET } from './slack-requests.js';
import { startSlack, type SlackHarness } from './slack-harness.js';

let h: SlackHarness;
beforeEach(async () => {
  h = await startSlack();
});
afterEach(async () => {
  await h.close();
});

const prompt = reply('Time for your reflection', [
  { type: 'text', text: 'Time for your reflection', style: 'heading' },
  { type: 'form', id: 'reflection', title: 'Reflect', submitLabel: 'Save', fields: [{ kind: 'text', id: 'answer', label: 'Answer', maxLength: 100 }], action: { command: 'reflect', action: 'answer' } },
]);

describe('messages Attune starts', () => {
  it('sends a scheduled message as a DM, with its form as a button', async () => {
    const outbox = new DirectOutbox();
    outbox.attach(h.adapter);
    expect(await outbox.send('slack:T1:U1', prompt)).toEqual({ ok: true });
    expect(h.fake.ok('conversations.open').map((c) => c.args.users)).toEqual(['U1']);
    expect(h.fake.ok('chat.postMessage').map((c) => c.args)).toEqual([
      {
        channel: 'DU1',
        text: 'Time for your reflection',
        blocks: [
          { type: 'header', text: { type: 'plain_text', text: 'Time for your reflection', emoji: true } },
          { type: 'actions', block_id: 'reflection', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Reflect' }, action_id: 'attune|form|reflect|answer|0', style: 'primary', value: expect.stringMatching(/^[\w-]{8}$/) }] },
        ],
      },
    ]);
  });

  it('opens a person\'s DM once: the channel is kept in the store, so a restarted process does not call conversations.open again', async () => {
    expect(await h.adapter.send('slack:T1:U1', prompt)).toEqual({ ok: true });
    const restarted = new SlackAdapter({ app: h.app, slack: { botToken: 'xoxb-fake', signingSecret: SIGNING_SECRET, apiUrl: h.fake.apiUrl }, port: 0 });
    expect(await restarted.send('slack:T1:U1', prompt)).toEqual({ ok: true });
    expect(h.fake.ok('conversations.open')).toHaveLength(1);
    expect(h.fake.ok('chat.postMessage').map((c) => c.args.channel)).toEqual(['DU1', 'DU1']);
  });

  it('a kept DM channel Slack no longer knows is opened again, and the message still arrives once', async () => {
    await h.app.store.drafts.set('slack:T1:U1', 'slack.dmChannel', 'DGONE', new Date(h.app.clock.now().getTime() + 86_400_000));
    expect(await h.adapter.send('slack:T1:U1', prompt)).toEqual({ ok: true });
    expect(h.fake.refused('chat.postMessage').map((c) => c.args.error)).toEqual(['channel_not_found']);
    expect(h.fake.ok('chat.postMessage').map((c) => c.args.channel)).toEqual(['DU1']);
    expect(await h.app.store.drafts.get('slack:T1:U1', 'slack.dmChannel', h.app.clock.now())).toBe('DU1');
  });

  it('sends a mentoring intro to one group DM', async () => {
    const outbox = new DirectOutbox();
    outbox.attach(h.adapter);
    expect(await outbox.sendGroup(['slack:T1:U1', 'slack:T1:U2'], reply('Meet your mentor'))).toEqual({ ok: true });
    expect(h.fake.ok('conversations.open').map((c) => c.args.users)).toEqual(['U1,U2']);
    expect(h.fake.ok('chat.postMessage').map((c) => [c.args.channel, c.args.text])).toEqual([['GU1U2', 'Meet your mentor']]);
  });

  it('reports a 429 to the send queue, which waits out its Retry-After: 1 once and delivers the message once', async () => {
    h.fake.rateLimitNext('chat.postMessage', 1);
    expect(await h.adapter.send('slack:T1:U1', reply('Hello'))).toEqual({ ok: false, permanent: false, error: 'rate_limited', retryAfterMs: 1000 });
    // Through the queue as main.ts wires it, with a fake timer: the wait moves the clock, not real time.
    h.fake.rateLimitNext('chat.postMessage', 1);
    const direct = new DirectOutbox();
    direct.attach(h.adapter);
    const waits: number[] = [];
    const queued = new QueuedOutbox(direct, { clock: h.app.clock, wait: async (ms) => void (waits.push(ms), h.app.clock.advance(ms)) });
    expect(await queued.send('slack:T1:U2', reply('Hello again'))).toEqual({ ok: true });
    expect(waits).toEqual([1000]);
    expect(h.fake.calls.filter((c) => c.method === 'chat.postMessage').map((c) => [c.status, c.args.channel])).toEqual([[429, 'DU1'], [429, 'DU2'], [200, 'DU2']]);
  });

  it('reports a 500 on the post as a failure the queue may retry, without a retry of its own', async () => {
    h.fake.failNext('chat.postMessage', 500);
    expect(await h.adapter.send('slack:T1:U1', reply('Hello'))).toMatchObject({ ok: false, permanent: false });
    expect(h.fake.calls.filter((c) => c.method === 'chat.postMessage').map((c) => c.status)).toEqual([500]);
  });

  it('reports a person Slack no longer knows as a permanent failure', async () => {
    expect(await h.adapter.send('discord:G1:U1', reply('Hello'))).toEqual({ ok: false, permanent: true, error: 'not a slack address' });
    expect(await h.adapter.sendGroup(['slack:T1:U1', 'slack:T2:U2'], reply('Hello'))).toMatchObject({ ok: false, permanent: true });
    expect(h.fake.effects()).toEqual([]);
  });
});
