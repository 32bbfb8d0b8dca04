import { afterEach, describe, expect, it } from 'vitest';
import { dmChannelId } from '../discord/fake-discord.js';
import { startHarness, type Harness } from '../discord/harness.js';
import { ALICE, BOB, chatInput, group, personOf, selectPick, str, sub, userOpt } from '../discord/payloads.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('a Discord member an admin adds to a team', () => {
  it('gets a welcome whose DM carries the time-zone picker, and picking a zone sets theirs', async () => {
    h = await startHarness();
    await h.interact(chatInput(ALICE, [group('team', sub('create', [str('name', 'Care')]))]));
    await h.interact(chatInput(ALICE, [group('team', sub('add', [str('team', 'care'), userOpt('people', BOB)]))]));
    const sent = h.app.outbox.sent.filter((s) => s.to.includes(personOf(BOB)));
    expect(sent).toHaveLength(1);
    // The app's outbox is a recorder in tests: hand the welcome to the adapter as main.ts's outbox would.
    expect(await h.adapter.send(personOf(BOB), sent[0]!.reply)).toEqual({ ok: true });
    const dm = h.fake.calls.find((c) => c.method === 'POST' && c.path === `/channels/${dmChannelId(BOB.id)}/messages`);
    const json = dm!.json as { content: string; components: Array<{ components: Array<{ type: number; custom_id: string; options: Array<{ value: string }> }> }> };
    expect(json.content).toContain('added you to Care on Attune');
    const select = json.components.flatMap((r) => r.components).find((c) => c.type === 3);
    expect(select?.custom_id).toBe('a|tz|settings|tz');
    expect(select?.options.map((o) => o.value)).toContain('Europe/Berlin');
    await h.interact(selectPick(BOB, 'a|tz|settings|tz', ['Europe/Berlin']));
    expect((await h.app.store.people.get(personOf(BOB)))?.tz).toBe('Europe/Berlin');
  });
});
