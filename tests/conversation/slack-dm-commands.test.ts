import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlack, type SlackHarness } from '../slack/slack-harness.js';
import { eventBody, postSigned } from '../slack/slack-requests.js';

let h: SlackHarness;
beforeEach(async () => {
  h = await startSlack();
});
afterEach(async () => {
  await h.close();
});

const dm = (text: string) => ({ type: 'message', channel: 'DU1', user: 'U1', text, ts: '1772445600.000100', event_ts: '1772445600.000100', channel_type: 'im', client_msg_id: randomUUID() });

describe('a Slack DM reply that is a command', () => {
  it('"checkin 1 1 5 awful" typed in the DM records a check-in, not a reflection', async () => {
    await postSigned(h.port, eventBody(dm('checkin 1 1 5 awful'), 'EvC001'), 'application/json');
    const [post] = await h.fake.waitFor('chat.postMessage');
    expect(post!.args).toMatchObject({ channel: 'DU1', text: expect.stringMatching(/^Checked in: mood 1/) });
    expect(await h.app.store.history.reflections('slack:T1:U1', { from: '2026-03-02', to: '2026-03-02' })).toEqual([]);
    expect((await h.app.store.history.checkIns('slack:T1:U1', { from: '2026-03-02', to: '2026-03-02' })).map((c) => c.note)).toEqual(['awful']);
  });

  it('"history repeats itself" is not a valid history command, so it is kept as the reflection', async () => {
    await postSigned(h.port, eventBody(dm('history repeats itself'), 'EvC002'), 'application/json');
    await h.fake.waitFor('chat.postMessage');
    const stored = await h.app.store.history.reflections('slack:T1:U1', { from: '2026-03-02', to: '2026-03-02' });
    expect(stored.map((r) => r.answer)).toEqual(['history repeats itself']);
  });
});
