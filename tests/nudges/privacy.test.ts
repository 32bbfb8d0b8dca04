import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, act, run, type TestApp } from '../helpers/test-app.js';
import { checkInWithHook, nudgeIdIn } from './helpers.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
});
afterEach(async () => {
  await app.cleanup();
});

describe('nudge state and privacy', () => {
  it('privacy export includes the person\'s nudge settings, nudges served and helpful votes', async () => {
    await run(app, 'alice', 'nudge daily 08:15');
    const id = nudgeIdIn((await run(app, 'alice', 'nudge now')).blocks)!;
    await act(app, 'alice', 'nudge', 'helpful', { value: `yes:${id}` });
    await run(app, 'alice', 'nudge snooze 2');
    const exported = await app.store.privacy.exportPerson('shell:alice');
    expect(exported?.nudges).toEqual({
      off: false,
      daily: '08:15',
      snoozedUntil: '2026-03-03',
      served: [{ nudgeId: id, localDate: '2026-03-02', at: '2026-03-02T10:00:00.000Z', source: 'requested' }],
      votes: { [id]: { helpful: true, at: '2026-03-02T10:00:00.000Z' } },
    });
  });

  it('privacy export of someone who never used nudges has no nudges section', async () => {
    await run(app, 'alice', 'help');
    expect(await app.store.privacy.exportPerson('shell:alice')).not.toHaveProperty('nudges');
  });

  it('privacy delete erases the person\'s nudge state (including the support marker) and leaves others\' alone', async () => {
    for (const d of ['2026-03-02', '2026-03-03', '2026-03-04']) await checkInWithHook(app, 'alice', d, { mood: 1, energy: 2, stress: 4 });
    await run(app, 'bob', 'nudge daily 09:00');
    expect((await app.store.nudges.get('shell:alice')).supportShownFor).toBe('2026-03-02');
    const question = await run(app, 'alice', 'privacy delete');
    const confirm = question.blocks.find((b) => b.type === 'choice');
    const token = confirm?.type === 'choice' ? confirm.options[0]!.value : '';
    expect((await act(app, 'alice', 'privacy delete', 'confirm', { value: token })).text).toContain('Everything Attune held about you is erased');
    expect(await app.store.privacy.exportPerson('shell:alice')).toBeUndefined();
    const state = JSON.parse(await readFile(path.join(app.dataDir, 'state.json'), 'utf8'));
    expect(Object.keys(state.nudges.people)).toEqual(['shell:bob']);
    expect((await app.store.nudges.get('shell:alice'))).toEqual({ off: false, served: [], votes: {} });
    expect((await app.store.nudges.get('shell:bob')).daily).toBe('09:00');
  });

  it('state written before nudges existed still loads, with empty nudge state', async () => {
    const { StateSchema } = await import('../../src/store/lowdb/state-schema.js');
    const parsed = StateSchema.parse({ version: 1, people: {}, teams: {}, drafts: {} });
    expect(parsed.nudges).toEqual({ people: {}, resources: {} });
  });
});
