import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PersonSchema } from '../../src/core/model/person.js';
import { startSlack, type SlackHarness } from './slack-harness.js';
import { eventBody, postSigned, sign, slackEscaped, slashCommandBody } from './slack-requests.js';
import { putPerson, putTeam } from '../helpers/seed.js';

const FORM = 'application/x-www-form-urlencoded';
let h: SlackHarness;

beforeEach(async () => {
  h = await startSlack();
});
afterEach(async () => {
  await h.close();
});

describe('request signatures', () => {
  it('refuses a forged signature with 401 and records nothing', async () => {
    const body = slashCommandBody({ text: 'reflect forged answer', triggerId: 't-forged', responseUrl: h.fake.responseUrl('forged') });
    const ts = Math.floor(Date.now() / 1000);
    const res = await postSigned(h.port, body, FORM, { timestamp: ts, signature: sign(body, ts, 'not-the-secret') });
    expect(res.status).toBe(401);
    expect(h.fake.effects()).toEqual([]);
    expect((await h.app.store.people.list())).toEqual([]);
  });

  it('refuses a correctly signed request whose timestamp is 6 minutes old with 401 and records nothing', async () => {
    const body = slashCommandBody({ text: 'reflect replayed answer', triggerId: 't-old', responseUrl: h.fake.responseUrl('old') });
    const res = await postSigned(h.port, body, FORM, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(res.status).toBe(401);
    expect(h.fake.effects()).toEqual([]);
    expect((await h.app.store.people.list())).toEqual([]);
  });
});

describe('events', () => {
  const dm = (text: string) => ({ type: 'message', channel: 'DU1', user: 'U1', text: slackEscaped(text), ts: '1772445600.000100', event_ts: '1772445600.000100', channel_type: 'im', client_msg_id: randomUUID() });

  it('stores a DM reply delivered three times (retries 1 and 2) once, and answers once', async () => {
    const body = eventBody(dm('The standup felt rushed and I got defensive.'), 'Ev0001');
    await postSigned(h.port, body, 'application/json');
    await postSigned(h.port, body, 'application/json', { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    await postSigned(h.port, body, 'application/json', { headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' } });
    await h.fake.waitFor('chat.postMessage');
    // A later, different event proves the retries were finished with, not merely slow.
    await postSigned(h.port, eventBody(dm('A second thought.'), 'Ev0002'), 'application/json');
    await h.fake.waitFor('chat.postMessage', 2);
    const stored = await h.app.store.history.reflections('slack:T1:U1', { from: '2026-03-02', to: '2026-03-02' });
    expect(stored.map((r) => r.answer)).toEqual(['The standup felt rushed and I got defensive.']);
    const posts = h.fake.ok('chat.postMessage');
    expect(posts).toHaveLength(2);
    expect(posts[0]!.args).toMatchObject({ channel: 'DU1', text: expect.stringMatching(/^Saved \(/) });
    // The second DM the same day asks before replacing the first.
    expect(posts[1]!.args.text).toBe('You already reflected today: "The standup felt rushed and I got defensive."');
  });

  it('treats "attune <words>" typed in the DM as a command, not as a reflection', async () => {
    await postSigned(h.port, eventBody(dm('attune settings'), 'Ev0006'), 'application/json');
    const [post] = await h.fake.waitFor('chat.postMessage');
    expect(post!.args).toMatchObject({ channel: 'DU1', text: expect.stringMatching(/^Your settings\n/) });
    expect(await h.app.store.history.reflections('slack:T1:U1', { from: '2026-03-02', to: '2026-03-02' })).toEqual([]);
  });

  it('ignores messages from bots and message edits', async () => {
    await postSigned(h.port, eventBody({ ...dm('bot says hi'), bot_id: 'B2' }, 'Ev0003'), 'application/json');
    await postSigned(h.port, eventBody({ ...dm('edited'), subtype: 'message_changed' }, 'Ev0004'), 'application/json');
    await postSigned(h.port, eventBody(dm('real one'), 'Ev0005'), 'application/json');
    await h.fake.waitFor('chat.postMessage');
    const stored = await h.app.store.history.reflections('slack:T1:U1', { from: '2026-03-02', to: '2026-03-02' });
    expect(stored.map((r) => r.answer)).toEqual(['real one']);
  });

  it('app_home_opened publishes that person\'s own streak, last check-in and reflection, and no one else\'s', async () => {
    const { store } = h.app;
    for (const user of ['U1', 'U9']) {
      await putPerson(store, PersonSchema.parse({ id: `slack:T1:${user}`, workspace: 'slack:T1', name: user, createdAt: '2026-02-01T00:00:00Z' }));
    }
    const checkIn = (personId: string, localDate: string, mood: number) => ({ id: randomUUID(), personId, at: `${localDate}T12:00:00Z`, localDate, mood, energy: 3, stress: 2, shareNote: false, teams: [], custom: {} });
    await store.history.addCheckIn(checkIn('slack:T1:U1', '2026-02-27', 4));
    await store.history.addCheckIn(checkIn('slack:T1:U1', '2026-03-02', 5));
    await store.history.addCheckIn(checkIn('slack:T1:U9', '2026-03-02', 1));
    await store.history.addReflection({ id: randomUUID(), personId: 'slack:T1:U1', at: '2026-02-27T12:00:00Z', localDate: '2026-02-27', promptId: 'p', component: 'empathy', answer: 'private words' });

    await postSigned(h.port, eventBody({ type: 'app_home_opened', user: 'U1', channel: 'DU1', tab: 'home', event_ts: '1772445600.000200' }, 'EvHome1'), 'application/json');
    const [publish] = await h.fake.waitFor('views.publish');
    expect(publish!.args.user_id).toBe('U1');
    const view = publish!.args.view as { type: string; blocks: Array<Record<string, unknown>> };
    expect(view.type).toBe('home');
    expect(view.blocks[2]).toEqual({
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: '*Streak*\n2 days' },
        { type: 'mrkdwn', text: '*Last check-in*\n2026-03-02: mood 5, energy 3, stress 2' },
        { type: 'mrkdwn', text: '*Last reflection*\n2026-02-27 (Empathy)' },
      ],
    });
    expect(JSON.stringify(view)).not.toContain('private words');
    expect(JSON.stringify(view)).not.toContain('mood 1');
    const buttons = view.blocks.filter((b) => b.type === 'actions').flatMap((b) => (b.elements as Array<{ action_id: string }>).map((e) => e.action_id));
    expect(buttons).toContain('attune|act|reflect|run|0');
    // Buttons appear only for commands the registry has (check-in and digest land separately).
    expect(buttons.some((id) => id.startsWith('attune|act|checkin|'))).toBe(Boolean(h.app.registry.get('checkin')));
  });

  it('offers a lead a digest button for each team they lead, only when the digest command exists', async () => {
    const { store } = h.app;
    await putPerson(store, PersonSchema.parse({ id: 'slack:T1:U1', workspace: 'slack:T1', name: 'lead', createdAt: '2026-02-01T00:00:00Z', admin: false }));
    await putTeam(store, { id: 'slack:T1/care', workspace: 'slack:T1', name: 'Care', createdAt: '2026-02-01T00:00:00Z', members: [], leads: ['slack:T1:U1'], digestDay: 'mon', digestTime: '09:00', questions: [] });
    await putTeam(store, { id: 'slack:T1/ops', workspace: 'slack:T1', name: 'Ops', createdAt: '2026-02-01T00:00:00Z', members: [], leads: [], digestDay: 'mon', digestTime: '09:00', questions: [] });
    await postSigned(h.port, eventBody({ type: 'app_home_opened', user: 'U1', channel: 'DU1', tab: 'home', event_ts: '1772445600.000300' }, 'EvHome2'), 'application/json');
    const [publish] = await h.fake.waitFor('views.publish');
    const json = JSON.stringify(publish!.args.view);
    if (h.app.registry.get('digest')) {
      expect(json).toContain('"action_id":"attune|act|digest|run|0","value":"care"');
      expect(json).not.toContain('"value":"ops"');
    } else {
      expect(json).not.toContain('digest|run');
    }
  });

  it('publishes App Home once for an event delivered twice', async () => {
    const body = eventBody({ type: 'app_home_opened', user: 'U1', channel: 'DU1', tab: 'home', event_ts: '1772445600.000400' }, 'EvHome3');
    await postSigned(h.port, body, 'application/json');
    await postSigned(h.port, body, 'application/json', { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'timeout' } });
    await postSigned(h.port, eventBody({ type: 'app_home_opened', user: 'U2', channel: 'DU2', tab: 'home', event_ts: '1772445600.000500' }, 'EvHome4'), 'application/json');
    // Both deliveries of EvHome3 were answered (the posts resolved on the ack) before U2's event was sent.
    await h.fake.until(() => ['U1', 'U2'].every((u) => h.fake.ok('views.publish').some((c) => c.args.user_id === u)));
    expect(h.fake.ok('views.publish').map((c) => c.args.user_id).sort()).toEqual(['U1', 'U2']);
  });
});
