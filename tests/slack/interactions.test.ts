import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkinReminderJob } from '../../src/scheduler/jobs/checkin-reminder.js';
import { startSlack, type SlackHarness } from './slack-harness.js';
import { blockActionsPayload, interactionBody, postSigned, slashCommandBody, viewSubmissionPayload } from './slack-requests.js';

const FORM = 'application/x-www-form-urlencoded';
let h: SlackHarness;

beforeEach(async () => {
  h = await startSlack();
});
afterEach(async () => {
  await h.close();
});

const today = { from: '2026-03-02', to: '2026-03-02' };
const answers = async () => (await h.app.store.history.reflections('slack:T1:U1', today)).map((r) => r.answer);

async function openReflectModal(): Promise<Record<string, unknown>> {
  await postSigned(h.port, slashCommandBody({ text: 'reflect', triggerId: h.fake.trigger('trig-modal'), responseUrl: h.fake.responseUrl('modal') }), FORM);
  const [open] = await h.fake.waitForForm();
  return open!.args.view as Record<string, unknown>;
}

function submit(view: Record<string, unknown>, answer: string, hash = 'hash-1') {
  const body = interactionBody(viewSubmissionPayload({ view: { ...view, id: 'VMODAL1' }, hash, values: { answer: { value: { type: 'plain_text_input', value: answer } } } }));
  return postSigned(h.port, body, FORM);
}

describe('forms as modals', () => {
  it('shows a too-long answer as a field error in the modal and stores nothing, then saves a valid one', async () => {
    const view = await openReflectModal();
    const refused = await submit(view, 'x'.repeat(4001));
    expect(refused.status).toBe(200);
    expect(JSON.parse(refused.body)).toEqual({ response_action: 'errors', errors: { answer: 'This is 4001 characters; the limit is 4000. Shorten it and save again.' } });
    expect(await answers()).toEqual([]);

    const accepted = await submit(view, 'I paused before answering the angry email.', 'hash-2');
    expect(accepted).toEqual({ status: 200, body: '' });
    const [confirm] = await h.fake.waitFor('response_url');
    expect(confirm!.args).toMatchObject({ id: 'modal', response_type: 'ephemeral', text: expect.stringMatching(/^Saved \(/) });
    expect(await answers()).toEqual(['I paused before answering the angry email.']);
  });

  it('stores a view submission delivered twice only once', async () => {
    const view = await openReflectModal();
    await submit(view, 'once');
    await submit(view, 'once');
    await h.fake.waitFor('response_url');
    expect(await answers()).toEqual(['once']);
    // The second delivery was dropped before dispatch, so it never asked "replace the first one?".
    expect(h.fake.ok('response_url')).toHaveLength(1);
  });

  it('answers a submission for a form that no longer exists with a message in the modal, storing nothing', async () => {
    const view = { callback_id: 'attune_form', type: 'modal', private_metadata: JSON.stringify({ c: 'retired', a: 'submit', f: [['answer', 't', 1, 100]] }), blocks: [] };
    const res = await submit(view, 'hello');
    expect(JSON.parse(res.body)).toEqual({ response_action: 'errors', errors: { answer: h.app.content.copy('slack.form.gone') } });
    expect((await h.app.store.people.list())).toEqual([]);
  });
});

describe('buttons (block_actions)', () => {
  async function slash(text: string, id: string) {
    const n = h.fake.ok('response_url').length;
    await postSigned(h.port, slashCommandBody({ text, triggerId: h.fake.trigger(`trig-${id}`), responseUrl: h.fake.responseUrl(id) }), FORM);
    return (await h.fake.waitFor('response_url', n + 1)).at(-1)!.args;
  }

  it('a click on "Replace it" records the second answer of the day', async () => {
    await slash('reflect first answer', 'a');
    const question = await slash('reflect second answer', 'b');
    const actions = (question.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>).find((b) => b.type === 'actions')!;
    const replace = actions.elements![0]!;
    expect(replace).toMatchObject({ action_id: 'attune|act|reflect|replace|0', value: 'yes' });
    const res = await postSigned(h.port, interactionBody(blockActionsPayload({ actionId: replace.action_id, value: replace.value, actionTs: '1772445601.000100', responseUrl: h.fake.responseUrl('click') })), FORM);
    expect(res).toEqual({ status: 200, body: '' });
    await h.fake.until(() => h.fake.ok('response_url').some((c) => c.args.id === 'click'));
    expect(h.fake.ok('response_url').find((c) => c.args.id === 'click')!.args).toMatchObject({ response_type: 'ephemeral', text: "Done: today's reflection now holds your new answer." });
    expect(await answers()).toEqual(['second answer']);
  });

  it('a click delivered twice is handled once', async () => {
    await slash('reflect first answer', 'a');
    await slash('reflect second answer', 'b');
    const click = interactionBody(blockActionsPayload({ actionId: 'attune|act|reflect|replace|1', value: 'no', actionTs: '1772445602.000200', responseUrl: h.fake.responseUrl('click') }));
    await postSigned(h.port, click, FORM);
    await postSigned(h.port, click, FORM);
    await h.fake.until(() => h.fake.ok('response_url').some((c) => c.args.id === 'click'));
    await postSigned(h.port, interactionBody(blockActionsPayload({ actionId: 'attune|act|reflect|replace|1', value: 'no', actionTs: '1772445603.000300', responseUrl: h.fake.responseUrl('later') })), FORM);
    await h.fake.until(() => h.fake.ok('response_url').some((c) => c.args.id === 'later'));
    expect(h.fake.ok('response_url').filter((c) => c.args.id === 'click')).toHaveLength(1);
  });

  it('an unknown action id gets a clear ephemeral message and stores nothing', async () => {
    await postSigned(h.port, interactionBody(blockActionsPayload({ actionId: 'legacy_button', value: '1', actionTs: '1772445604.000400', responseUrl: h.fake.responseUrl('unknown') })), FORM);
    const [msg] = await h.fake.waitFor('response_url');
    expect(msg!.args).toMatchObject({ response_type: 'ephemeral', text: h.app.content.copy('error.unknownAction') });
    expect((await h.app.store.people.list())).toEqual([]);
  });

  it('an action Attune does not know on a known command gets the same message', async () => {
    await postSigned(h.port, interactionBody(blockActionsPayload({ actionId: 'attune|act|reflect|teleport|0', value: '1', actionTs: '1772445605.000500', responseUrl: h.fake.responseUrl('nope') })), FORM);
    const [msg] = await h.fake.waitFor('response_url');
    expect(msg!.args).toMatchObject({ response_type: 'ephemeral', text: h.app.content.copy('error.unknownAction') });
    expect(await answers()).toEqual([]);
  });

  it('a payload that fails validation gets a clear ephemeral message and stores nothing', async () => {
    const payload = blockActionsPayload({ actionId: 'attune|act|reflect|replace|0', value: 'yes', actionTs: '1772445606.000600', responseUrl: h.fake.responseUrl('bad') });
    delete (payload.actions as Array<Record<string, unknown>>)[0]!.action_ts;
    const res = await postSigned(h.port, interactionBody(payload), FORM);
    expect(res.status).toBe(200);
    const [msg] = await h.fake.waitFor('response_url');
    expect(msg!.args).toMatchObject({ response_type: 'ephemeral', text: h.app.content.copy('slack.badPayload') });
    expect((await h.app.store.people.list())).toEqual([]);
  });

  it('"Reflect now" on App Home opens the reflection modal with the click\'s trigger', async () => {
    const payload = blockActionsPayload({ actionId: 'attune|act|reflect|run|0', actionTs: '1772445607.000700', triggerId: h.fake.trigger('trig-home'), container: { type: 'view', view_id: 'VHOME1' }, view: { id: 'VHOME1', type: 'home' } });
    await postSigned(h.port, interactionBody(payload), FORM);
    const [open] = await h.fake.waitFor('views.open');
    expect(open!.args.trigger_id).toBe('trig-home');
    expect(open!.args.view).toMatchObject({ type: 'modal', callback_id: 'attune_form', title: { type: 'plain_text', text: "Today's reflection" } });
    // The home tab is refreshed after the click.
    await h.fake.waitFor('views.publish');
  });

  it('the scheduled check-in reminder goes out with a valueless "Check in now" button whose click opens the check-in', async () => {
    const reminder = await checkinReminderJob.what(h.app, { personId: 'slack:T1:U1', key: 'checkin-reminder', localDate: '2026-03-02', dueAt: h.app.clock.now() });
    expect(await h.adapter.send('slack:T1:U1', reminder!)).toEqual({ ok: true });
    expect(h.fake.refused()).toEqual([]);
    const [post] = await h.fake.waitFor('chat.postMessage');
    const actions = (post!.args.blocks as Array<{ type: string; elements?: Array<Record<string, unknown>> }>).find((b) => b.type === 'actions')!;
    expect(actions.elements).toEqual([{ type: 'button', text: { type: 'plain_text', text: h.app.content.copy('scheduler.reminderButton') }, action_id: 'attune|act|checkin|run|0' }]);
    // Slack sends a click on a button without a value without one.
    await postSigned(h.port, interactionBody(blockActionsPayload({ actionId: 'attune|act|checkin|run|0', actionTs: '1772445609.000900', triggerId: h.fake.trigger('trig-remind'), container: { type: 'message', message_ts: '1772445000.000100', channel_id: 'DU1', is_ephemeral: false } })), FORM);
    const [open] = await h.fake.waitFor('views.open');
    expect(open!.args.trigger_id).toBe('trig-remind');
    expect(JSON.parse((open!.args.view as { private_metadata: string }).private_metadata)).toMatchObject({ c: 'checkin' });
  });

  it('a form button in a message runs its command again and opens that form', async () => {
    await postSigned(h.port, interactionBody(blockActionsPayload({ actionId: 'attune|form|reflect|answer|0', actionTs: '1772445608.000800', triggerId: h.fake.trigger('trig-form'), responseUrl: h.fake.responseUrl('form') })), FORM);
    const [open] = await h.fake.waitFor('views.open');
    expect(open!.args.trigger_id).toBe('trig-form');
    expect(JSON.parse((open!.args.view as { private_metadata: string }).private_metadata)).toEqual({ c: 'reflect', a: 'answer', f: [['answer', 't', 1, 4000]], r: h.fake.responseUrl('form') });
  });
});
