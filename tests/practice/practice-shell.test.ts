import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderReply } from '../../src/adapters/shell/render.js';
import { runDueRounds } from '../../src/features/mentoring/rounds.js';
import { NO_REPEAT_SESSIONS } from '../../src/features/practice/pick-card.js';
import { typeIntoShell } from '../helpers/shell-driver.js';
import { act, makeTestApp, run, type TestApp } from '../helpers/test-app.js';
import { cardIn, mentorMatch } from './helpers.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
});
afterEach(async () => {
  await app.cleanup();
});

const practice = (name: string) => app.store.practice.people.get(`shell:${name}`);
const sent = (i: number) => renderReply(app.outbox.sent[i]!.reply).text;

describe('solo practice through the shell', () => {
  it('sets the scene of a chat card, takes the first reply on the next line, then shows techniques, a model reply and two questions', async () => {
    const out = await typeIntoShell(app, ['practice chat hard', 'I hear how frustrating this is. I will sort it now and message you by 3pm.']);
    const card = cardIn(app, out);
    expect(card).toMatchObject({ channel: 'chat', difficulty: 'hard' });
    expect(out).toContain(`Practice: ${card.title}`);
    expect(out).toContain(`The scene: ${card.scene}`);
    expect(out).toContain(`> Customer: "${card.opening}"`);
    expect(out).toContain('Your first reply to the customer [up to 2000 characters]:');
    expect(out).toContain('> I hear how frustrating this is. I will sort it now and message you by 3pm.');
    expect(out).toContain('What skilled responders do here:');
    for (const id of card.techniques) expect(out).toContain(`- ${app.content.practice.techniques.find((t) => t.id === id)!.name}: `);
    expect(out).toContain(`> ${card.model}`);
    const questions = out.slice(out.indexOf('Two questions about your answer:')).split('\n').filter((l) => /^\d\. /.test(l));
    expect(questions).toHaveLength(2);
    expect((await practice('me'))!.sessions).toEqual([
      expect.objectContaining({ cardId: card.id, mode: 'solo', components: card.components, answer: 'I hear how frustrating this is. I will sort it now and message you by 3pm.', localDate: '2026-03-02' }),
    ]);
  });

  it('history counts practice by skill, from the person\'s own sessions', async () => {
    const first = await typeIntoShell(app, ['practice email', 'Sorry. Here is what I will do.', 'practice in person', 'You are right. I will fix it now.']);
    const cards = app.content.practice.cards.filter((c) => first.includes(`Practice: ${c.title}\n`));
    expect(cards).toHaveLength(2);
    const history = await typeIntoShell(app, ['history']);
    const counts = new Map<string, number>();
    for (const c of cards.flatMap((x) => x.components)) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(history).toContain('Practice: 2 on your own, 0 with a partner. By skill: ');
    for (const [component, n] of counts) expect((await practice('me'))!.counts[component as 'empathy']).toBe(n);
  });

  it('never repeats a card from the last sessions while fresh ones remain, and respects the channel', async () => {
    const seen: string[] = [];
    for (let i = 0; i < NO_REPEAT_SESSIONS + 1; i++) {
      app.clock.advance(60_000);
      const out = await typeIntoShell(app, ['practice phone', `Answer ${i}`]);
      const card = cardIn(app, out);
      expect(card.channel).toBe('phone');
      seen.push(card.id);
    }
    // 12 phone cards: eleven sessions in a row are all different.
    expect(new Set(seen).size).toBe(NO_REPEAT_SESSIONS + 1);
  });

  it('refuses words it does not know, two channels, or an empty answer, with what to type instead, and stores nothing', async () => {
    expect((await run(app, 'me', 'practice fax')).text).toBe(
      'I don\'t understand "fax". Practice takes a channel (phone, chat, email, in-person), a difficulty (easy, medium, hard), or "with @name".\nUsage: /attune practice [with @name] [channel] [difficulty]\nExample: practice chat hard',
    );
    expect((await run(app, 'me', 'practice phone chat')).text).toContain('Pick one channel, not both "phone" and "chat".');
    expect((await act(app, 'me', 'practice', 'answer', { values: { answer: 'hello' } })).text).toBe(app.content.copy('practice.nothingPending'));
    await run(app, 'me', 'practice');
    expect((await act(app, 'me', 'practice', 'answer', { values: { answer: '   ' } })).text).toBe(app.content.copy('practice.answerEmpty'));
    expect((await act(app, 'me', 'practice', 'answer', { values: { answer: 'x'.repeat(2001) } })).text).toBe('Your answer is 2001 characters; the limit is 2000. Nothing was saved: shorten it and send it again.');
    expect(await practice('me')).toBeUndefined();
    // The card still waits for a good answer.
    expect((await act(app, 'me', 'practice', 'answer', { values: { answer: 'Now a real answer.' } })).text).toContain('Two questions about your answer:');
  });
});

describe('practice with a peer through the shell', () => {
  it('with a mentor match: the partner gets the card and the private brief by the outbox, the asker responds; swap, then three debrief questions to both', async () => {
    await mentorMatch(app);
    const before = app.outbox.sent.length;
    const out = await typeIntoShell(app, ['practice with alice phone'], 'bob');
    const card = cardIn(app, out);
    expect(card.channel).toBe('phone');
    expect(out).toContain("I've sent alice the same card, with the customer's part. Nobody else sees it.");
    expect(out).toContain('Round 1: you respond; alice plays the customer.');
    // The asker does not see the customer's brief in round one.
    expect(out).not.toContain(card.customer.feels);

    expect(app.outbox.sent).toHaveLength(before + 1);
    expect(app.outbox.sent[before]!.to).toEqual(['shell:alice']);
    const invite = sent(before);
    expect(invite).toContain('bob invited you to practise a hard customer moment together.');
    expect(invite).toContain('Round 1: you play the customer.');
    expect(invite).toContain(`- You feel: ${card.customer.feels}`);
    expect(invite).toContain(`- You want: ${card.customer.wants}`);
    expect(invite).toContain('  1) Swap roles');

    const peer = (await app.store.practice.peers.list())[0]!;
    // alice swaps from her message: bob now plays the customer and gets the brief.
    const swapped = renderReply(await act(app, 'alice', 'practice', 'swap', { value: peer.id })).text;
    expect(swapped).toContain('Round 2: you respond; bob plays the customer.');
    expect(renderReply(app.outbox.sent.at(-1)!.reply).text).toContain(`- You feel: ${card.customer.feels}`);
    expect(app.outbox.sent.at(-1)!.to).toEqual(['shell:bob']);
    expect((await act(app, 'bob', 'practice', 'swap', { value: peer.id })).text).toBe(app.content.copy('practice.peer.alreadySwapped'));

    const debrief = renderReply(await act(app, 'bob', 'practice', 'finish', { value: peer.id })).text;
    for (const q of app.content.practice.debrief) expect(debrief).toContain(q);
    expect(debrief.split('\n').filter((l) => /^\d\. /.test(l))).toHaveLength(3);
    expect(app.outbox.sent.at(-1)!.to).toEqual(['shell:alice']);
    for (const q of app.content.practice.debrief) expect(renderReply(app.outbox.sent.at(-1)!.reply).text).toContain(q);

    // Both count one session with a partner, for the card's skills.
    for (const name of ['alice', 'bob']) expect((await practice(name))!.sessions).toEqual([expect.objectContaining({ mode: 'peer', cardId: card.id, peerSessionId: peer.id })]);
    expect((await typeIntoShell(app, ['history'], 'alice'))).toContain('Practice: 0 on your own, 1 with a partner.');
  });

  it('with a partner from the latest pairing round', async () => {
    for (const n of ['ann', 'ben']) await run(app, n, 'pairs join');
    await runDueRounds(app, new Date('2026-03-09T10:00:00Z'));
    app.clock.set('2026-03-09T11:00:00Z');
    const out = await typeIntoShell(app, ['practice with ben easy'], 'ann');
    expect(cardIn(app, out).difficulty).toBe('easy');
    expect(app.outbox.sent.at(-1)!.to).toEqual(['shell:ben']);
  });

  it('refuses someone who is not a match, oneself, and a missing name, clearly, sending and storing nothing', async () => {
    await mentorMatch(app);
    await run(app, 'carol', 'history');
    const before = app.outbox.sent.length;
    expect((await run(app, 'bob', 'practice with carol')).text).toBe(app.content.copy('practice.peer.notMatched', { name: 'carol' }));
    expect((await run(app, 'bob', 'practice with bob')).text).toBe(app.content.copy('practice.peer.self'));
    expect((await run(app, 'bob', 'practice with')).text).toContain(app.content.copy('practice.withWho'));
    expect((await run(app, 'bob', 'practice with nobody-here')).text).toBe(app.content.copy('practice.peer.notMatched', { name: 'nobody-here' }));
    expect(app.outbox.sent).toHaveLength(before);
    expect(await app.store.practice.peers.list()).toEqual([]);
    expect(await practice('bob')).toBeUndefined();
  });

  it('a click on a session that is not one\'s own, or that ended, says so and changes nothing', async () => {
    await mentorMatch(app);
    await run(app, 'bob', 'practice with alice');
    const peer = (await app.store.practice.peers.list())[0]!;
    expect((await act(app, 'carol', 'practice', 'swap', { value: peer.id })).text).toBe(app.content.copy('practice.peer.gone'));
    expect((await act(app, 'bob', 'practice', 'finish', { value: peer.id })).text).toBe(app.content.copy('practice.peer.swapFirst'));
    expect((await app.store.practice.peers.get(peer.id))!.stage).toBe('first');
  });

  it('a retried `practice with` event sends the partner one invitation and keeps one session', async () => {
    await mentorMatch(app);
    const before = app.outbox.sent.length;
    const actor = { id: 'shell:bob', platform: 'shell' as const, workspace: 'shell', displayName: 'bob' };
    for (let i = 0; i < 2; i++) await app.dispatcher.dispatch({ kind: 'command', actor, text: 'practice with alice', idempotencyKey: 'evt-9' });
    expect(app.outbox.sent).toHaveLength(before + 1);
    expect((await app.store.practice.peers.list()).map((p) => p.id)).toEqual(['peer:evt-9']);
    expect((await practice('bob'))!.sessions).toHaveLength(1);
  });
});
