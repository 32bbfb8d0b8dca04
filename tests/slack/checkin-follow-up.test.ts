import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { viewProblems } from './block-kit-rules.js';
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

async function slash(text: string): Promise<Record<string, unknown>> {
  // Three of these run before each test's own calls.
  const id = `f${++seq}`;
  const before = h.fake.ok('response_url').length;
  await postSigned(h.port, slashCommandBody({ text, triggerId: h.fake.trigger(), responseUrl: h.fake.responseUrl(id) }), FORM);
  return (await h.fake.waitFor('response_url', before + 1)).at(-1)!.args;
}

const select = (value: string) => ({ value: { type: 'static_select', selected_option: { value } } });
type View = { blocks: Array<{ type: string; block_id?: string; label?: { text: string } }>; private_metadata: string };

/** A team "care" with U1 in it and one scale question. */
async function teamWithQuestion(): Promise<void> {
  await slash('team create Care');
  await slash('team add care U1');
  await slash('team question add care scale How clear were our priorities this week?');
}

describe('team questions after a Slack check-in', () => {
  it('the check-in modal is replaced by the team questions form, whose answers are saved', async () => {
    await teamWithQuestion();
    await postSigned(h.port, slashCommandBody({ text: 'checkin', triggerId: h.fake.trigger(), responseUrl: h.fake.responseUrl('checkin') }), FORM);
    const [open] = await h.fake.waitForForm();
    const checkinView = open!.args.view as View;
    const res = await postSigned(
      h.port,
      interactionBody(viewSubmissionPayload({ view: { ...checkinView, id: 'VCHECKIN' }, hash: 'h-checkin', values: { mood: select('4'), energy: select('3'), stress: select('2') } })),
      FORM,
    );
    const ack = JSON.parse(res.body) as { response_action: string; view: View };
    expect(ack.response_action).toBe('update');
    expect(viewProblems(ack.view)).toEqual([]);
    const inputs = ack.view.blocks.filter((b) => b.type === 'input');
    expect(inputs.map((b) => b.label!.text)).toEqual(['How clear were our priorities this week?']);
    expect(JSON.parse(ack.view.private_metadata)).toMatchObject({ c: 'checkin', a: 'custom' });

    const answered = await postSigned(
      h.port,
      interactionBody(viewSubmissionPayload({ view: { ...ack.view, id: 'VCHECKIN' }, hash: 'h-custom', values: { [inputs[0]!.block_id!]: select('5') } })),
      FORM,
    );
    expect(answered.body).toBe('');
    const [checkIn] = await h.app.store.history.checkIns('slack:T1:U1', { from: '2026-03-02', to: '2026-03-02' });
    expect(checkIn!.custom).toEqual({ [inputs[0]!.block_id!]: 5 });
  });

  it('a "Team questions" button in a message opens the team questions, not the check-in again', async () => {
    await teamWithQuestion();
    // The command's own trigger has expired (over 3 s), so the questions come as a button in a message.
    const late = h.fake.trigger();
    h.fake.advance(3001);
    await postSigned(h.port, slashCommandBody({ text: 'checkin 4 3 2', triggerId: late, responseUrl: h.fake.responseUrl('late') }), FORM);
    const saved = (await h.fake.waitFor('response_url', 4)).at(-1)!.args;
    expect(h.fake.refused('views.open').map((c) => c.args.error)).toEqual(['expired_trigger_id']);
    const button = (saved.blocks as Array<{ type: string; elements?: Array<{ action_id?: string; value?: string }> }>)
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id?.startsWith('attune|form|checkin|custom'))!;
    expect(button.value).toEqual(expect.any(String));
    const trigger = h.fake.trigger();
    await postSigned(h.port, interactionBody(blockActionsPayload({ actionId: button.action_id!, value: button.value!, actionTs: '1772445700.000100', triggerId: trigger, responseUrl: h.fake.responseUrl('button') })), FORM);
    const [open] = await h.fake.waitFor('views.open');
    expect(open!.args.trigger_id).toBe(trigger);
    const view = open!.args.view as View;
    expect(JSON.parse(view.private_metadata)).toMatchObject({ c: 'checkin', a: 'custom' });
    expect(view.blocks.filter((b) => b.type === 'input').map((b) => b.label!.text)).toEqual(['How clear were our priorities this week?']);
  });
});
