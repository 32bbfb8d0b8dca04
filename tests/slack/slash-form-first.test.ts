import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlack, type SlackHarness } from './slack-harness.js';
import { TRIGGER_MS } from './fake-slack.js';
import { postSigned, slashCommandBody } from './slack-requests.js';

const FORM = 'application/x-www-form-urlencoded';
let h: SlackHarness;

beforeEach(async () => {
  h = await startSlack();
});
afterEach(async () => {
  await h.close();
});

/**
 * A slow store: every event claim waits for `release()`; `claimed` resolves at the first claim. And a
 * spy on Bolt's views.open, so the test can let an open already under way reach Slack first.
 */
function slowStore() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let reached!: () => void;
  const claimed = new Promise<void>((resolve) => (reached = resolve));
  const events = h.app.store.events;
  const claim = events.claim.bind(events);
  events.claim = async (key, now) => {
    reached();
    await gate;
    return claim(key, now);
  };
  const opens: Array<Promise<unknown>> = [];
  const views = h.adapter.bolt.client.views;
  const open = views.open.bind(views);
  views.open = ((args: Parameters<typeof open>[0]) => {
    const call = open(args);
    opens.push(call.catch(() => undefined));
    return call;
  }) as typeof views.open;
  return { gate, release, claimed, opens };
}

describe('a slash command that answers with a form, under load', () => {
  it('opens its modal within the trigger window even when the store takes over 3 s and 8 workers are busy', async () => {
    const slow = slowStore();
    // Eight requests already hold every worker until the store answers.
    for (let i = 0; i < 8; i++) void h.adapter.work.run(() => slow.gate);
    const res = await postSigned(h.port, slashCommandBody({ text: 'checkin', triggerId: h.fake.trigger(), responseUrl: h.fake.responseUrl('r1') }), FORM);
    expect(res.status).toBe(200);
    await slow.claimed;
    // Whatever Slack was already asked goes through now; then the store takes longer than a trigger lives.
    await Promise.all(slow.opens);
    h.fake.advance(TRIGGER_MS + 100);
    slow.release();
    await h.fake.until(() => h.fake.ok('views.update').length > 0 || h.fake.calls.some((c) => c.method === 'response_url'));

    expect(h.fake.refused('views.open')).toEqual([]);
    expect(h.fake.ok('views.open')).toHaveLength(1);
    const [update] = h.fake.ok('views.update');
    const view = update!.args.view as { callback_id?: string; blocks: Array<{ type: string; label?: { text: string } }> };
    // The placeholder became the check-in form: mood, energy and stress inputs.
    expect(view.callback_id).toBe('attune_form');
    expect(view.blocks.filter((b) => b.type === 'input').map((b) => b.label?.text)).toEqual(expect.arrayContaining([expect.stringMatching(/mood/i)]));
    expect(h.fake.calls.filter((c) => c.method === 'response_url')).toEqual([]);
  });

  it('a command without a form opens no modal', async () => {
    await postSigned(h.port, slashCommandBody({ text: 'help', triggerId: h.fake.trigger(), responseUrl: h.fake.responseUrl('r2') }), FORM);
    await h.fake.waitFor('response_url');
    expect(h.fake.calls.filter((c) => c.method.startsWith('views.'))).toEqual([]);
  });
});
