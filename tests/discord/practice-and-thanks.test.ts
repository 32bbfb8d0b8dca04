import { afterEach, describe, expect, it } from 'vitest';
import { dmChannelId, type Call } from './fake-discord.js';
import { startHarness, type Harness } from './harness.js';
import { ALICE, BOB, buttonClick, chatInput, modalSubmit, personOf, str, sub, userOpt, type FakeUser } from './payloads.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type Json = { type: number; data: { content?: string; flags?: number; embeds?: Array<{ title?: string; description?: string }>; components?: Array<{ components: Array<{ custom_id: string; label: string; type: number }> }> } };
const callback = (calls: Call[]) => calls.find((c) => c.path.endsWith('/callback'))!.json as Json;
const messagesTo = (user: FakeUser) => (c: Call) => c.method === 'POST' && c.path === `/channels/${dmChannelId(user.id)}/messages`;
/** All visible text of a message body. */
const textOf = (body: Json['data']) => [body.content ?? '', ...(body.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? ''])].join('\n');

async function deliverOutbox(harness: Harness, from: number): Promise<void> {
  for (const m of harness.app.outbox.sent.slice(from)) for (const to of m.to) expect(await harness.adapter.send(to, m.reply)).toEqual({ ok: true });
}

describe('/attune practice in Discord', () => {
  it('shows the card with a button that opens the answer form; the submitted answer comes back ephemerally with the feedback', async () => {
    h = await startHarness();
    await h.interact(chatInput(ALICE, [sub('help')]));
    const shown = callback(await h.interact(chatInput(ALICE, [sub('practice', [str('options', 'in-person hard')])])));
    expect(shown.data.flags).toBe(64);
    const title = shown.data.embeds![0]!.title!;
    const card = h.app.content.practice.cards.find((c) => title === `Practice: ${c.title}`)!;
    expect(card).toMatchObject({ channel: 'in-person', difficulty: 'hard' });
    expect(shown.data.components![0]!.components[0]).toMatchObject({ type: 2, custom_id: 'f|form1', label: 'Practice' });

    const open = callback(await h.interact(buttonClick(ALICE, 'f|form1')));
    expect(open.type).toBe(9);
    expect(JSON.stringify(open.data)).toContain('"label":"Your first reply to the customer"');

    const answered = callback(await h.interact(modalSubmit(ALICE, 'm|form1', { answer: 'I am sorry. You are right, and I will sort it now.' })));
    expect(answered.data.flags).toBe(64);
    expect(textOf(answered.data)).toContain('Two questions about your answer:');
    expect((await h.app.store.practice.people.get(personOf(ALICE)))!.sessions[0]).toMatchObject({ cardId: card.id, answer: 'I am sorry. You are right, and I will sort it now.' });
  });

  it('with a mentor match, `practice with @Bob` DMs Bob the brief; his swap click DMs Alice hers, and finish sends both the debrief', async () => {
    h = await startHarness();
    await h.interact(chatInput(BOB, [sub('help')]));
    await h.interact(chatInput(ALICE, [sub('help')]));
    const now = h.app.clock.now().toISOString();
    await h.app.store.mentoring.matches.create({ id: 'm1', requestId: 'r1', workspace: 'discord:200000000000000001', mentorId: personOf(BOB), menteeId: personOf(ALICE), goal: 'staying calm', skill: 'de-escalation', startedAt: now, status: 'active', followUps: {} });
    const mine = callback(await h.interact(chatInput(ALICE, [sub('practice', [userOpt('partner', BOB), str('options', 'phone')])])));
    expect(textOf(mine.data)).toContain('Round 1: you respond; Bob plays the customer.');
    expect(textOf(mine.data)).not.toContain('Your private brief');

    await deliverOutbox(h, 0);
    const invite = h.fake.calls.filter(messagesTo(BOB)).at(-1)!.json as Json['data'];
    expect(textOf(invite)).toContain('Your private brief (only you see it):');
    const swap = invite.components![0]!.components[0]!;
    expect(swap).toMatchObject({ label: 'Swap roles', custom_id: expect.stringMatching(/^a\|practice-swap\|practice\|swap\|/) });
    expect(swap.custom_id.length).toBeLessThanOrEqual(100);

    const sent = h.app.outbox.sent.length;
    const bobs = callback(await h.interact(buttonClick(BOB, swap.custom_id, { dm: true })));
    expect(textOf(bobs.data)).toContain('Round 2: you respond; Alice plays the customer.');
    await deliverOutbox(h, sent);
    const toAlice = h.fake.calls.filter(messagesTo(ALICE)).at(-1)!.json as Json['data'];
    expect(textOf(toAlice)).toContain('Round 2: you play the customer.');
    const finish = toAlice.components![0]!.components[0]!;
    expect(finish.label).toBe('Finish and debrief');

    const debrief = callback(await h.interact(buttonClick(ALICE, finish.custom_id, { dm: true })));
    for (const q of h.app.content.practice.debrief) expect(textOf(debrief.data)).toContain(q);
    expect(h.app.outbox.sent.at(-1)!.to).toEqual([personOf(BOB)]);
  });

  it('refuses practice with someone who is not a match', async () => {
    h = await startHarness();
    await h.interact(chatInput(BOB, [sub('help')]));
    await h.interact(chatInput(ALICE, [sub('help')]));
    const refused = callback(await h.interact(chatInput(ALICE, [sub('practice', [userOpt('partner', BOB)])])));
    expect(refused.data).toMatchObject({ flags: 64, content: h.app.content.copy('practice.peer.notMatched', { name: 'Bob' }) });
    expect(h.app.outbox.sent).toEqual([]);
  });
});

describe('/attune thanks in Discord', () => {
  it('thanks a mentioned person by DM, ephemerally confirmed; oneself and empty text are refused', async () => {
    h = await startHarness();
    await h.interact(chatInput(BOB, [sub('help')]));
    await h.interact(chatInput(ALICE, [sub('help')]));
    const copy = h.app.content.copy;
    const self = callback(await h.interact(chatInput(ALICE, [sub('thanks', [userOpt('person', ALICE), str('text', 'for me')])])));
    expect(self.data).toMatchObject({ flags: 64, content: copy('thanks.self') });
    const empty = callback(await h.interact(chatInput(ALICE, [sub('thanks', [userOpt('person', BOB)])])));
    expect(empty.data.content).toContain(copy('thanks.empty', { name: 'Bob' }));
    expect(h.app.outbox.sent).toEqual([]);

    const ok = callback(await h.interact(chatInput(ALICE, [sub('thanks', [userOpt('person', BOB), str('text', 'for covering the phones during my break')])])));
    expect(ok.data).toMatchObject({ flags: 64, content: expect.stringMatching(/^Sent to Bob, privately/) });
    await deliverOutbox(h, 0);
    const dm = h.fake.calls.filter(messagesTo(BOB)).at(-1)!.json as Json['data'];
    expect(textOf(dm)).toContain('A thank-you from Alice');
    expect(textOf(dm)).toContain('for covering the phones during my break');
  });
});
