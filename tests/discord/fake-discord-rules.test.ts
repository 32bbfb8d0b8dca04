import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACK_MS, APP_ID, FakeDiscord } from './fake-discord.js';

let fake: FakeDiscord;
beforeEach(async () => {
  fake = await FakeDiscord.start();
});
afterEach(async () => {
  await fake.close();
});

const answer = async (token: string, body: unknown) => {
  const res = await fetch(`${fake.apiUrl}/v10/interactions/900000000000000001/${token}/callback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: res.status === 204 ? undefined : ((await res.json()) as { code: number }) };
};
const interaction = (token: string) => fake.dispatch('INTERACTION_CREATE', { id: '900000000000000001', application_id: APP_ID, token });

describe('the fake Discord is as strict as Discord', () => {
  it('answers 10062 to an interaction answered after 3 s, and 40060 to a second answer', async () => {
    interaction('late');
    fake.advance(ACK_MS + 1);
    expect((await answer('late', { type: 4, data: { content: 'hi' } })).body?.code).toBe(10062);
    interaction('twice');
    expect((await answer('twice', { type: 4, data: { content: 'hi' } })).status).toBe(204);
    expect((await answer('twice', { type: 4, data: { content: 'hi' } })).body?.code).toBe(40060);
  });

  it('answers 50035 to an embed over 4,096 characters, a modal label over 45, or six rows of buttons', async () => {
    interaction('a');
    expect((await answer('a', { type: 4, data: { embeds: [{ description: 'x'.repeat(4097) }] } })).body?.code).toBe(50035);
    interaction('b');
    const input = { type: 4, custom_id: 'note', style: 1, label: 'x'.repeat(46) };
    expect((await answer('b', { type: 9, data: { custom_id: 'm', title: 'Check in', components: [{ type: 1, components: [input] }] } })).body?.code).toBe(50035);
    interaction('c');
    const row = { type: 1, components: [{ type: 2, style: 2, custom_id: 'x', label: 'x' }] };
    const rows = Array.from({ length: 6 }, (_, i) => ({ ...row, components: [{ ...row.components[0], custom_id: `x${i}` }] }));
    expect((await answer('c', { type: 4, data: { components: rows } })).body?.code).toBe(50035);
    // Nothing was acknowledged: a valid answer still goes through.
    expect((await answer('c', { type: 4, data: { content: 'ok' } })).status).toBe(204);
  });
});
