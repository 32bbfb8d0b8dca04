import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { ALICE, chatInput, personOf, selectPick, sub, type RawOption } from './payloads.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const int = (name: string, value: number): RawOption => ({ type: 4, name, value }) as unknown as RawOption;
type Component = { type: number; custom_id?: string; options?: Array<{ label: string; value: string }>; components?: Component[] };
type Callback = { data: { flags?: number; content?: string; embeds?: Array<{ description?: string }>; components?: Component[] } };

describe('naming the feeling on Discord', () => {
  it('the check-in reply carries a string select of at most 25 words; picking one saves it, ephemerally', async () => {
    h = await startHarness();
    const calls = await h.interact(chatInput(ALICE, [sub('checkin', [int('mood', 4), int('energy', 4), int('stress', 2)])]));
    const reply = (calls[0]!.json as Callback).data;
    expect(reply.flags).toBe(64);
    const select = reply.components!.flatMap((row) => row.components ?? []).find((c) => c.type === 3)!;
    expect(select.options!.length).toBeLessThanOrEqual(25);
    expect(select.options!.map((o) => o.value)).toEqual([...h.app.content.feelings.words.filter((w) => w.quadrant === 'pleasant-high').map((w) => w.id), 'define']);

    const picked = await h.interact(selectPick(ALICE, select.custom_id!, ['proud']));
    const data = (picked[0]!.json as Callback).data;
    expect(data.flags).toBe(64);
    expect(JSON.stringify(data)).toContain('Noted: proud (Pleased with something you or your team did well).');
    const [stored] = await h.app.store.history.checkIns(personOf(ALICE), { from: '2026-03-02', to: '2026-03-02' });
    expect(stored!.feeling).toBe('proud');
  });
});
