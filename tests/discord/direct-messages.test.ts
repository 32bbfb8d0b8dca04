import { afterEach, describe, expect, it } from 'vitest';
import { DirectOutbox } from '../../src/core/direct-outbox.js';
import { QueuedOutbox } from '../../src/core/queued-outbox.js';
import { reply } from '../../src/core/reply.js';
import { APP_ID, dmChannelId, type Call } from './fake-discord.js';
import { confirmTokenIn } from './confirm-token.js';
import { startHarness, type Harness } from './harness.js';
import { ALICE, BOB, buttonClick, chatInput, group, personOf, sub, type FakeUser } from './payloads.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const nudge = reply('Time for a two-minute reflection.', [
  { type: 'text', text: 'Time for a two-minute reflection.' },
  { type: 'choice', id: 'go', label: 'Ready?', style: 'buttons', options: [{ label: 'Reflect now', value: '' }], action: { command: 'reflect', action: 'run' } },
]);
const nudgeBody = {
  content: 'Time for a two-minute reflection.\n\n**Ready?**',
  tts: false,
  enforce_nonce: false,
  embeds: [],
  components: [{ type: 1, components: [{ type: 2, style: 2, custom_id: 'a|go|reflect|run|', label: 'Reflect now' }] }],
  allowed_mentions: { parse: [] },
};
const messagesTo = (user: FakeUser) => (c: Call) => c.method === 'POST' && c.path === `/channels/${dmChannelId(user.id)}/messages`;
const CALLBACK = '/interactions/ID/interaction-token-ID/callback';
const shape = (calls: Call[]) => calls.map((c) => ({ method: c.method, path: c.path.replace(/\d{18}/g, (id) => (id === APP_ID ? 'APP' : 'ID')), json: c.json }));

/** Makes the user a known person (a DM needs their address to exist). */
async function meet(harness: Harness, user: FakeUser): Promise<void> {
  await harness.interact(chatInput(user, [sub('history')]));
}

describe('Discord direct messages', () => {
  it('opens a DM and sends the reply there, without the ephemeral flag', async () => {
    h = await startHarness();
    const result = await h.adapter.send(personOf(ALICE), { ...nudge, private: true });
    expect(result).toEqual({ ok: true });
    const dm = h.fake.calls.filter((c) => c.path === '/users/@me/channels' || messagesTo(ALICE)(c));
    expect(dm.map((c) => ({ method: c.method, path: c.path, json: c.json }))).toEqual([
      { method: 'POST', path: '/users/@me/channels', json: { recipient_id: ALICE.id } },
      { method: 'POST', path: `/channels/${dmChannelId(ALICE.id)}/messages`, json: nudgeBody },
    ]);
  });

  it('routes through the DirectOutbox by the person\'s platform', async () => {
    h = await startHarness();
    const outbox = new DirectOutbox();
    outbox.attach(h.adapter);
    expect(await outbox.send(personOf(ALICE), nudge)).toEqual({ ok: true });
    expect(h.fake.calls.filter(messagesTo(ALICE))).toHaveLength(1);
  });

  it('a group message is one queued DM each: when Bob\'s DM fails once, only his is retried and Alice gets it once', async () => {
    h = await startHarness();
    await meet(h, ALICE);
    await meet(h, BOB);
    let failed = false;
    h.fake.respond((c) => (messagesTo(BOB)(c) && !failed ? ((failed = true), { status: 500, body: { message: 'boom', code: 0 } }) : undefined));
    const direct = new DirectOutbox();
    direct.attach(h.adapter);
    expect(direct.canGroup([personOf(ALICE), personOf(BOB)])).toBe(false);
    const outbox = new QueuedOutbox(direct, { clock: h.app.clock, wait: async () => undefined });
    expect(await outbox.sendGroup([personOf(ALICE), personOf(BOB)], nudge)).toEqual({ ok: true });
    expect(h.fake.calls.filter(messagesTo(ALICE)).filter((c) => c.status === 200)).toHaveLength(1);
    expect(h.fake.calls.filter(messagesTo(BOB)).map((c) => c.status)).toEqual([500, 200]);
  });

  it('given DMs closed (50007), fails permanently and tells the person once, privately, the next time they use Attune', async () => {
    h = await startHarness();
    await meet(h, BOB);
    h.fake.respond((c) => (messagesTo(BOB)(c) ? { status: 403, body: { code: 50007, message: 'Cannot send messages to this user' } } : undefined));
    const result = await h.adapter.send(personOf(BOB), nudge);
    expect(result).toEqual({ ok: false, permanent: true, error: 'discord 50007: direct messages closed' });
    expect(h.fake.calls.filter(messagesTo(BOB))).toHaveLength(1);

    const next = await h.interact(chatInput(BOB, [sub('history')]));
    const copy = h.app.content.copy;
    expect(shape(next)).toEqual([
      { method: 'POST', path: CALLBACK, json: { type: 4, data: { content: copy('history.empty'), tts: false, enforce_nonce: false, embeds: [], components: [], flags: 64, allowed_mentions: { parse: [] } } } },
      { method: 'POST', path: '/webhooks/APP/interaction-token-ID', json: { content: copy('discord.dmClosed'), tts: false, enforce_nonce: false, embeds: [], components: [], flags: 64, allowed_mentions: { parse: [] } } },
    ]);
    const after = await h.interact(chatInput(BOB, [sub('history')]));
    expect(after.map((c) => c.path.replace(/\d{18}/g, 'ID'))).toEqual([CALLBACK]);
  });

  it('keeps the refused-DM notice and open forms in the privacy export, and privacy delete erases them', async () => {
    h = await startHarness();
    await meet(h, BOB);
    await h.interact(chatInput(BOB, [sub('reflect')]));
    h.fake.respond((c) => (messagesTo(BOB)(c) ? { status: 403, body: { code: 50007, message: 'Cannot send messages to this user' } } : undefined));
    await h.adapter.send(personOf(BOB), nudge);
    const exported = await h.interact(chatInput(BOB, [group('privacy', sub('export'))]));
    const data = JSON.parse(exported[0]!.files[0]!.text) as { pending: Record<string, { data: unknown }> };
    expect(Object.keys(data.pending).filter((k) => k.startsWith('discord.')).sort()).toEqual(['discord.dmClosed', 'discord.forms']);
    expect(data.pending['discord.dmClosed']!.data).toEqual({ since: '2026-03-02T10:00:00.000Z' });
    expect(Object.keys(data.pending['discord.forms']!.data as object)).toEqual(['form1']);

    const token = confirmTokenIn(await h.interact(chatInput(BOB, [group('privacy', sub('delete'))])));
    await h.interact(buttonClick(BOB, `a|confirm|privacy delete|confirm|${token}`));
    expect(await h.app.store.privacy.exportPerson(personOf(BOB))).toBeUndefined();
    expect((await h.app.store.drafts.get(personOf(BOB), 'discord.forms', h.app.clock.now()))).toBeUndefined();
    expect((await h.app.store.drafts.get(personOf(BOB), 'discord.dmClosed', h.app.clock.now()))).toBeUndefined();
  });

  it('given a 429 with retry_after, waits and sends the message once', async () => {
    h = await startHarness();
    let limited = false;
    h.fake.respond((c) => {
      if (!messagesTo(ALICE)(c) || limited) return undefined;
      limited = true;
      return {
        status: 429,
        headers: { 'retry-after': '0.3', 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '0.3', 'x-ratelimit-scope': 'user' },
        body: { message: 'You are being rate limited.', retry_after: 0.3, global: false },
      };
    });
    expect(await h.adapter.send(personOf(ALICE), nudge)).toEqual({ ok: true });
    const attempts = h.fake.calls.filter(messagesTo(ALICE));
    // The refused attempt, then exactly one accepted send, no earlier than retry_after.
    expect(attempts.map((c) => c.json)).toEqual([nudgeBody, nudgeBody]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(300);
  });

  it('refuses an address that is not a Discord person', async () => {
    h = await startHarness();
    expect(await h.adapter.send('shell:alice', nudge)).toEqual({ ok: false, permanent: true, error: 'not a discord person address' });
  });

  it('knows who clicked a button in a DM (no server) by the one server where it met them', async () => {
    h = await startHarness();
    await meet(h, ALICE);
    const calls = await h.interact(buttonClick(ALICE, 'a|confirm|privacy delete|confirm|cancel', { dm: true }));
    expect((calls[0]!.json as { data: { content: string } }).data.content).toBe(h.app.content.copy('privacy.deleteCancelled'));
    // Not ephemeral in a DM: the answer stays after Discord reloads.
    expect((calls[0]!.json as { data: { flags?: number } }).data.flags).toBeUndefined();
    const stranger = await h.interact(buttonClick(BOB, 'a|confirm|privacy delete|confirm|cancel', { dm: true }));
    expect((stranger[0]!.json as { data: { content: string } }).data.content).toBe(h.app.content.copy('discord.noWorkspace'));
    expect((await h.app.store.people.get(personOf(BOB)))).toBeUndefined();
  });
});
