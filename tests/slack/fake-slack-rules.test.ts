import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlack, PER_MINUTE, RESPONSE_URL_USES, TRIGGER_MS } from './fake-slack.js';

let fake: FakeSlack;
beforeEach(async () => {
  fake = new FakeSlack();
  await fake.start();
});
afterEach(async () => {
  await fake.stop();
});

const call = async (method: string, args: Record<string, unknown>) => {
  const res = await fetch(`${fake.apiUrl}${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args) });
  return { status: res.status, body: (await res.json()) as { ok: boolean; error?: string } };
};
const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const modal = { type: 'modal', title: { type: 'plain_text', text: 'Check in' }, blocks: [section('hi')] };

describe('the fake Slack is as strict as Slack', () => {
  it('refuses a message of 51 blocks or a section over 3,000 characters with invalid_blocks', async () => {
    expect((await call('chat.postMessage', { channel: 'DU1', text: 'x', blocks: Array.from({ length: 51 }, () => section('x')) })).body).toEqual({ ok: false, error: 'invalid_blocks', problems: ['51 blocks in a message (at most 50)'] });
    expect((await call('chat.postMessage', { channel: 'DU1', text: 'x', blocks: [section('x'.repeat(3001))] })).body.error).toBe('invalid_blocks');
    expect((await call('chat.postMessage', { channel: 'DU1', text: 'x', blocks: Array.from({ length: 50 }, () => section('x')) })).body.ok).toBe(true);
  });

  it('refuses a post to a DM channel it never opened with channel_not_found', async () => {
    expect((await call('chat.postMessage', { channel: 'DGONE', text: 'x' })).body).toMatchObject({ ok: false, error: 'channel_not_found' });
    expect((await call('chat.postMessage', { channel: 'DU1', text: 'x' })).body.ok).toBe(true);
  });

  it('opens one view per trigger_id, only within 3 s of the interaction', async () => {
    expect((await call('views.open', { trigger_id: 'never-issued', view: modal })).body.error).toBe('invalid_trigger_id');
    const trigger = fake.trigger();
    expect((await call('views.open', { trigger_id: trigger, view: modal })).body.ok).toBe(true);
    expect((await call('views.open', { trigger_id: trigger, view: modal })).body.error).toBe('exchanged_trigger_id');
    const late = fake.trigger();
    fake.advance(TRIGGER_MS + 1);
    expect((await call('views.open', { trigger_id: late, view: modal })).body.error).toBe('expired_trigger_id');
  });

  it('refuses a modal whose title is over 24 characters', async () => {
    const bad = { ...modal, title: { type: 'plain_text', text: 'x'.repeat(25) } };
    expect((await call('views.open', { trigger_id: fake.trigger(), view: bad })).body.error).toBe('invalid_arguments');
  });

  it('takes five posts on a response_url, then answers used_url', async () => {
    const url = fake.responseUrl('r1');
    const post = () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'hi' }) }).then((r) => r.status);
    const statuses = [];
    for (let i = 0; i <= RESPONSE_URL_USES; i++) statuses.push(await post());
    expect(statuses).toEqual([200, 200, 200, 200, 200, 404]);
    expect(fake.refused('response_url').map((c) => c.args.error)).toEqual(['used_url']);
  });

  it('rate-limits users.info past its tier a minute, and lets it through a minute later', async () => {
    for (let i = 0; i < PER_MINUTE['users.info']!; i++) await call('users.info', { user: `U${i}` });
    expect((await call('users.info', { user: 'ULAST' })).status).toBe(429);
    fake.advance(60_000);
    expect((await call('users.info', { user: 'ULAST' })).status).toBe(200);
  });
});
