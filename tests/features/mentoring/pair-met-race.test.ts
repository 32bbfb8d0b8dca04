import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, makeTestApp, run, type TestApp } from '../../helpers/test-app.js';
import { runDueRounds } from '../../../src/features/mentoring/rounds.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
});
afterEach(async () => {
  await app.cleanup();
});

describe('"did you meet?" after a pairing round', () => {
  it('given both members of a pair answering at the same moment, both answers are recorded and both are thanked', async () => {
    for (const n of ['ann', 'ben']) await run(app, n, 'pairs join');
    const [round] = await runDueRounds(app, new Date('2026-03-09T10:00:00Z'));
    expect(round!.groups).toEqual([['shell:ann', 'shell:ben']]);
    const value = 'shell|2026-03-09|yes';
    const replies = await Promise.all([act(app, 'ann', 'pairs status', 'met', { value }), act(app, 'ben', 'pairs status', 'met', { value })]);
    expect(replies.map((r) => r.text)).toEqual([app.content.copy('pairs.metRecorded'), app.content.copy('pairs.metRecorded')]);
    const stored = (await app.store.pairing.round('shell', '2026-03-09'))!;
    expect(Object.keys(stored.met).sort()).toEqual(['shell:ann', 'shell:ben']);
  });

  it('someone outside the pair is told the answer is unknown, and nothing is stored', async () => {
    for (const n of ['ann', 'ben']) await run(app, n, 'pairs join');
    await runDueRounds(app, new Date('2026-03-09T10:00:00Z'));
    const reply = await act(app, 'cat', 'pairs status', 'met', { value: 'shell|2026-03-09|yes' });
    expect(reply.text).toBe(app.content.copy('pairs.metUnknown'));
    expect((await app.store.pairing.round('shell', '2026-03-09'))!.met).toEqual({});
  });
});
