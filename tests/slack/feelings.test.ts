import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlack, type SlackHarness } from './slack-harness.js';
import { blockActionsPayload, interactionBody, postSigned, slashCommandBody } from './slack-requests.js';

const FORM = 'application/x-www-form-urlencoded';
let h: SlackHarness;
beforeEach(async () => {
  h = await startSlack();
});
afterEach(async () => {
  await h.close();
});

async function slash(text: string, id: string) {
  const n = h.fake.ok('response_url').length;
  await postSigned(h.port, slashCommandBody({ text, triggerId: `trig-${id}`, responseUrl: h.fake.responseUrl(id) }), FORM);
  return (await h.fake.waitFor('response_url', n + 1)).at(-1)!.args;
}

type SlackBlock = { type: string; text?: { text: string }; accessory?: { type: string; action_id: string; options: Array<{ text: { text: string }; value: string }> } };

describe('naming the feeling on Slack', () => {
  it('the check-in confirmation carries a static select of the quadrant\'s words; picking one saves it, ephemerally', async () => {
    const confirm = await slash('checkin 3 2 2', 'c');
    expect(confirm.response_type).toBe('ephemeral');
    const select = (confirm.blocks as SlackBlock[]).find((b) => b.accessory?.type === 'static_select')!;
    expect(select.text!.text).toBe('Which word fits best?');
    expect(select.accessory!.options.map((o) => o.value)).toEqual([...h.app.content.feelings.words.filter((w) => w.quadrant === 'pleasant-low').map((w) => w.id), 'define']);
    expect(select.accessory!.options.length).toBeLessThanOrEqual(100);
    for (const o of select.accessory!.options) expect(o.text.text.length).toBeLessThanOrEqual(75);

    await postSigned(h.port, interactionBody(blockActionsPayload({ actionId: select.accessory!.action_id, selected: 'relieved', actionTs: '1772445601.000100', responseUrl: h.fake.responseUrl('pick') })), FORM);
    await h.fake.until(() => h.fake.ok('response_url').some((c) => c.args.id === 'pick'));
    const picked = h.fake.ok('response_url').find((c) => c.args.id === 'pick')!.args;
    expect(picked).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Noted: relieved (A weight lifted after a worry passed).') });
    const [stored] = await h.app.store.history.checkIns('slack:T1:U1', { from: '2026-03-02', to: '2026-03-02' });
    expect(stored!.feeling).toBe('relieved');
  });
});
