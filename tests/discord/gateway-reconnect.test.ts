import { afterEach, describe, expect, it } from 'vitest';
import type { Call } from './fake-discord.js';
import { startHarness, type Harness } from './harness.js';
import { ALICE, chatInput, sub } from './payloads.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Interaction callbacks by interaction token: how many times each was answered, and any refusals. */
function answers(calls: Call[]): { perToken: Record<string, number>; refused: number[] } {
  const perToken: Record<string, number> = {};
  const refused: number[] = [];
  for (const c of calls) {
    const m = /^\/interactions\/\d+\/([^/]+)\/callback$/.exec(c.path);
    if (!m) continue;
    if (c.status && c.status >= 400) refused.push(c.status);
    else perToken[m[1]!] = (perToken[m[1]!] ?? 0) + 1;
  }
  return { perToken, refused };
}

describe('the Discord gateway drops and comes back', () => {
  it('after a drop the client resumes its session: what was sent meanwhile is answered once, and it keeps answering', async () => {
    h = await startHarness();
    const before = chatInput(ALICE, [sub('help')]);
    await h.interact(before);
    h.fake.drop();
    // Sent while the connection was down: Discord replays it on RESUME.
    const during = chatInput(ALICE, [sub('help')]);
    h.fake.dispatch('INTERACTION_CREATE', during);
    await h.fake.waitForResume();
    await h.fake.waitForCalls((c) => c.path.includes(during.token));
    await h.adapter.idle();
    const after = chatInput(ALICE, [sub('help')]);
    await h.interact(after);

    expect(h.fake.identifies).toHaveLength(1);
    expect(h.fake.resumes).toEqual([{ sessionId: 'fake-session', seq: expect.any(Number) }]);
    const { perToken, refused } = answers(h.fake.calls);
    expect(refused).toEqual([]);
    expect(perToken).toEqual({ [before.token]: 1, [during.token]: 1, [after.token]: 1 });
    expect(h.adapter.connected()).toBe(true);
  });

  it('on RECONNECT (op 7) it reconnects and resumes, and no interaction is answered twice', async () => {
    h = await startHarness();
    const first = chatInput(ALICE, [sub('help')]);
    await h.interact(first);
    h.fake.requestReconnect();
    await h.fake.waitForResume();
    const second = chatInput(ALICE, [sub('help')]);
    await h.interact(second);
    const { perToken, refused } = answers(h.fake.calls);
    expect(refused).toEqual([]);
    expect(perToken).toEqual({ [first.token]: 1, [second.token]: 1 });
    expect(h.fake.identifies).toHaveLength(1);
  });
});
