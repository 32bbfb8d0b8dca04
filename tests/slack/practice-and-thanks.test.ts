import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlack, type SlackHarness } from './slack-harness.js';
import { blockActionsPayload, interactionBody, postSigned, slashCommandBody, viewSubmissionPayload } from './slack-requests.js';

const FORM = 'application/x-www-form-urlencoded';
let h: SlackHarness;
let seq = 0;

beforeEach(async () => {
  h = await startSlack();
});
afterEach(async () => {
  await h.close();
});

async function slash(text: string, user = 'U1'): Promise<Record<string, unknown>> {
  const id = `r${++seq}`;
  const before = h.fake.ok('response_url').length;
  const res = await postSigned(h.port, slashCommandBody({ text, user, triggerId: h.fake.trigger(), responseUrl: h.fake.responseUrl(id) }), FORM);
  expect(res.status).toBe(200);
  return (await h.fake.waitFor('response_url', before + 1)).at(-1)!.args;
}

/** Delivers what Attune queued in its outbox through the Slack adapter, as the running app would. */
async function deliverOutbox(from: number): Promise<void> {
  for (const m of h.app.outbox.sent.slice(from)) for (const to of m.to) expect(await h.adapter.send(to, m.reply)).toEqual({ ok: true });
}

async function match(mentor: string, mentee: string): Promise<void> {
  const now = h.app.clock.now().toISOString();
  await h.app.store.mentoring.matches.create({ id: 'm1', requestId: 'r1', workspace: 'slack:T1', mentorId: mentor, menteeId: mentee, goal: 'staying calm', skill: 'de-escalation', startedAt: now, status: 'active', followUps: {} });
}

describe('/attune practice in Slack', () => {
  it('opens the card in a modal with the command trigger; the submitted answer comes back ephemerally with techniques, a model reply and two questions', async () => {
    const trigger = h.fake.trigger();
    await postSigned(h.port, slashCommandBody({ text: 'practice email easy', triggerId: trigger, responseUrl: h.fake.responseUrl('practice') }), FORM);
    const [open] = await h.fake.waitFor('views.open');
    expect(open!.args.trigger_id).toBe(trigger);
    const view = open!.args.view as { blocks: Array<Record<string, unknown>>; private_metadata: string };
    const title = (view.blocks[0] as { text: { text: string } }).text.text;
    const card = h.app.content.practice.cards.find((c) => title === `Practice: ${c.title}`)!;
    expect(card).toMatchObject({ channel: 'email', difficulty: 'easy' });
    expect(view.blocks).toContainEqual({ type: 'section', text: { type: 'mrkdwn', text: `>Customer: "${card.opening.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}"` } });
    expect(view.blocks.at(-1)).toMatchObject({ type: 'input', block_id: 'answer', optional: false, label: { type: 'plain_text', text: 'Your first reply to the customer' } });
    expect(JSON.parse(view.private_metadata)).toMatchObject({ c: 'practice', a: 'answer' });

    const res = await postSigned(h.port, interactionBody(viewSubmissionPayload({ view: { ...view, id: 'VMODAL1' }, values: { answer: { value: { type: 'plain_text_input', value: 'Thanks for asking, and sorry: I cannot promise a date.' } } } })), FORM);
    expect(res).toEqual({ status: 200, body: '' });
    const [answer] = await h.fake.waitFor('response_url');
    expect(answer!.args).toMatchObject({ id: 'practice', response_type: 'ephemeral' });
    expect(answer!.args.text).toContain('Two questions about your answer:');
    expect(answer!.args.text).toContain(card.model);
    const session = (await h.app.store.practice.people.get('slack:T1:U1'))!.sessions[0]!;
    expect(session).toMatchObject({ cardId: card.id, mode: 'solo', answer: 'Thanks for asking, and sorry: I cannot promise a date.' });
  });

  it('a typo in the options gets the choices ephemerally and opens nothing', async () => {
    const out = await slash('practice chatt');
    expect(out).toMatchObject({ response_type: 'ephemeral' });
    expect(out.text).toContain('I don\'t understand "chatt". Practice takes a channel (phone, chat, email, in-person)');
    expect(h.fake.ok('views.open')).toEqual([]);
  });

  it('with a mentor match, `practice with <@U222|bob>` DMs the partner the brief with a swap button whose click hands the brief to the asker', async () => {
    await slash('history', 'U222');
    await match('slack:T1:U222', 'slack:T1:U1');
    const before = h.app.outbox.sent.length;
    const mine = await slash('practice with <@U222|bob> chat');
    expect(mine).toMatchObject({ response_type: 'ephemeral' });
    expect(mine.text).toContain('Round 1: you respond;');
    expect(h.app.outbox.sent.slice(before).map((m) => m.to)).toEqual([['slack:T1:U222']]);

    await deliverOutbox(before);
    const dm = h.fake.ok('chat.postMessage').at(-1)!.args as { channel: string; text: string; blocks: Array<{ type: string; elements?: Array<{ action_id: string; value: string; text: { text: string } }> }> };
    expect(dm.channel).toBe('DU222');
    expect(dm.text).toContain('Your private brief (only you see it):');
    const button = dm.blocks.find((b) => b.type === 'actions')!.elements![0]!;
    expect(button).toMatchObject({ action_id: expect.stringMatching(/^attune\|act\|practice\|swap\|/), text: { text: 'Swap roles' } });

    const sentBefore = h.app.outbox.sent.length;
    await postSigned(h.port, interactionBody(blockActionsPayload({ user: 'U222', actionId: button.action_id, value: button.value, actionTs: '1772445601.000100', responseUrl: h.fake.responseUrl('swap'), container: { type: 'message', message_ts: '1700000000.000200', channel_id: 'DU222', is_ephemeral: false } })), FORM);
    // A button in a DM is answered in the DM itself, so the answer survives a reload.
    const answered = () => h.fake.ok('chat.postMessage').find((c) => c.args.channel === 'DU222' && String(c.args.text).includes('Round 2: you respond;'));
    await h.fake.until(() => Boolean(answered()));
    expect(h.app.outbox.sent.slice(sentBefore).map((m) => m.to)).toEqual([['slack:T1:U1']]);
    await deliverOutbox(sentBefore);
    const toAsker = h.fake.ok('chat.postMessage').at(-1)!.args as { channel: string; text: string };
    expect(toAsker.channel).toBe('DU1');
    expect(toAsker.text).toContain('Round 2: you play the customer.');
    expect(toAsker.text).toContain('Your private brief (only you see it):');
  });

  it('someone who is not a match is refused ephemerally and gets no message', async () => {
    await slash('history', 'U333');
    const out = await slash('practice with <@U333|cat>');
    expect(out.text).toBe(h.app.content.copy('practice.peer.notMatched', { name: 'Person U333' }));
    expect(h.app.outbox.sent).toEqual([]);
  });
});

describe('/attune thanks in Slack', () => {
  it('thanks a mentioned person by DM; the sender gets an ephemeral confirmation', async () => {
    await slash('history', 'U222');
    const out = await slash('thanks <@U222|bob> for staying late with the escalation and the follow-up');
    expect(out).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/^Sent to Person U222, privately/) });
    expect(h.app.outbox.sent.map((m) => m.to)).toEqual([['slack:T1:U222']]);
    await deliverOutbox(0);
    const dm = h.fake.ok('chat.postMessage').at(-1)!.args as { channel: string; text: string };
    expect(dm.channel).toBe('DU222');
    expect(dm.text).toContain('for staying late with the escalation and the follow-up');
    expect((await h.app.store.practice.thanks.list({ from: 'slack:T1:U1' }))[0]!.text).toBe('for staying late with the escalation and the follow-up');
  });

  it('refuses thanking oneself and someone unknown, ephemerally, sending nothing', async () => {
    await slash('history', 'U111');
    expect((await slash('thanks <@U111|me> for me', 'U111')).text).toBe(h.app.content.copy('thanks.self'));
    expect((await slash('thanks <@U999|ghost> for the help')).text).toBe(h.app.content.copy('thanks.unknown', { name: 'Person U999' }));
    expect(h.app.outbox.sent).toEqual([]);
  });
});
