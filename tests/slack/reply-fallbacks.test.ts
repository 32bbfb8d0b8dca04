import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reply } from '../../src/core/reply.js';
import { RESPONSE_URL_MS, RESPONSE_URL_USES } from './fake-slack.js';
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

async function openReflectModal(): Promise<Record<string, unknown>> {
  await postSigned(h.port, slashCommandBody({ text: 'reflect', triggerId: h.fake.trigger(), responseUrl: h.fake.responseUrl('reflect') }), FORM);
  const [open] = await h.fake.waitForForm();
  return open!.args.view as Record<string, unknown>;
}

const submit = (view: Record<string, unknown>, answer: string, hash: string) =>
  postSigned(h.port, interactionBody(viewSubmissionPayload({ view: { ...view, id: 'VMODAL1' }, hash, values: { answer: { value: { type: 'plain_text_input', value: answer } } } })), FORM);

describe('Slack replies when the response_url is gone', () => {
  it('a form submitted more than 30 minutes after the command gets its reply as a DM', async () => {
    const view = await openReflectModal();
    h.fake.advance(RESPONSE_URL_MS + 1);
    await submit(view, 'I took a breath first.', 'late');
    const [dm] = await h.fake.waitFor('chat.postMessage');
    expect(dm!.args).toMatchObject({ channel: 'DU1', text: expect.stringMatching(/^Saved \(/) });
    expect(h.fake.refused('response_url').map((c) => c.args.error)).toEqual(['expired_url']);
  });

  it('replies past the response_url\'s five uses go to the DM', async () => {
    const url = h.fake.responseUrl('busy');
    for (let i = 0; i < RESPONSE_URL_USES; i++) await h.adapter.deliver(reply(`reply ${i}`), { teamId: 'T1', userId: 'U1', responseUrl: url });
    await h.adapter.deliver(reply('the sixth'), { teamId: 'T1', userId: 'U1', responseUrl: url });
    expect(h.fake.ok('response_url')).toHaveLength(RESPONSE_URL_USES);
    expect(h.fake.ok('chat.postMessage').map((c) => c.args.text)).toEqual(['the sixth']);
  });
});

describe('answers to buttons in the DM with Attune', () => {
  it('are posted in that DM as messages that stay, not as ephemeral replies that vanish on reload', async () => {
    const container = { type: 'message', message_ts: '1772445000.000100', channel_id: 'DU1', is_ephemeral: false };
    await postSigned(h.port, interactionBody(blockActionsPayload({ actionId: 'attune|act|history|run|0', actionTs: '1772445900.000100', triggerId: h.fake.trigger(), responseUrl: h.fake.responseUrl('dm-click'), container })), FORM);
    const [post] = await h.fake.waitFor('chat.postMessage');
    expect(post!.args).toMatchObject({ channel: 'DU1', text: expect.stringContaining('history') });
    expect(h.fake.calls.filter((c) => c.method === 'response_url')).toEqual([]);
  });
});

describe('modals open before other work', () => {
  it('a form button opens its form before any users.info look-up or store claim', async () => {
    const prompt = reply('Time for your reflection', [
      { type: 'form', id: 'reflection', title: 'Reflect', submitLabel: 'Save', fields: [{ kind: 'text', id: 'answer', label: 'Answer', maxLength: 100 }], action: { command: 'reflect', action: 'answer' } },
    ]);
    expect(await h.adapter.send('slack:T1:U7', prompt)).toEqual({ ok: true });
    const [post] = await h.fake.waitFor('chat.postMessage');
    const button = (post!.args.blocks as Array<{ elements: Array<{ action_id: string; value: string }> }>)[0]!.elements[0]!;
    const trigger = h.fake.trigger();
    await postSigned(h.port, interactionBody(blockActionsPayload({ user: 'U7', actionId: button.action_id, value: button.value, actionTs: '1772445800.000100', triggerId: trigger })), FORM);
    await h.fake.waitFor('views.open');
    const methods = h.fake.calls.map((c) => c.method).filter((m) => m === 'views.open' || m === 'users.info');
    expect(methods[0]).toBe('views.open');
  });
});
