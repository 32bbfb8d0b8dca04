import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, makeTestApp, run, type TestApp } from '../helpers/test-app.js';
import type { PersonalData } from '../../src/core/store/index.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
  await run(app, 'me', 'team create Care');
  await run(app, 'me', 'team add care alice bob');
  await run(app, 'me', 'team lead care alice');
  await run(app, 'me', 'team question add care text One word for your week?');
});
afterEach(async () => {
  await app.cleanup();
});

async function exported(name: string): Promise<PersonalData> {
  const reply = await run(app, name, 'privacy export');
  const file = reply.blocks.find((b) => b.type === 'file');
  if (file?.type !== 'file') throw new Error('no export file');
  return JSON.parse(new TextDecoder().decode(file.data)) as PersonalData;
}

describe('check-ins and teams in privacy export and delete', () => {
  it('exports the check-in with its note, sharing choice, teams and team answers, and the memberships', async () => {
    await run(app, 'alice', 'checkin 2 3 4 --share rough release week');
    const [qid] = (await app.store.teams.get('shell/care'))!.questions.map((q) => q.id);
    await act(app, 'alice', 'checkin', 'custom', { values: { [qid!]: 'tired' } });
    const data = await exported('alice');
    expect(data.checkins).toHaveLength(1);
    expect(data.checkins[0]).toMatchObject({ mood: 2, energy: 3, stress: 4, note: 'rough release week', shareNote: true, teams: ['shell/care'], custom: { [qid!]: 'tired' } });
    expect(data.teams).toEqual([{ id: 'shell/care', name: 'Care', member: true, lead: true }]);
    expect(data.person.admin).toBe(false);
  });

  it('erasing removes the check-ins, the membership intervals and the lead role; the team stays for the others', async () => {
    await run(app, 'alice', 'checkin 2 3 4 a note');
    const confirm = await run(app, 'alice', 'privacy delete');
    const choice = confirm.blocks.find((b) => b.type === 'choice');
    if (choice?.type !== 'choice') throw new Error('no confirmation');
    await act(app, 'alice', 'privacy delete', 'confirm', { value: choice.options[0]!.value });
    expect(await app.store.history.checkIns('shell:alice', { from: '2026-01-01', to: '2026-12-31' })).toEqual([]);
    const team = (await app.store.teams.get('shell/care'))!;
    expect(team.members.map((m) => m.personId)).toEqual(['shell:bob']);
    expect(team.leads).toEqual([]);
    expect((await app.store.people.get('shell:alice'))).toBeUndefined();
  });

  it('erasing clears a pending replacement and pending team questions', async () => {
    await run(app, 'alice', 'checkin 2 3 4');
    await run(app, 'alice', 'checkin 5 5 1 a draft note');
    expect((await app.store.drafts.get('shell:alice', 'checkin.replace', app.clock.now()))).toBeDefined();
    expect((await app.store.drafts.get('shell:alice', 'checkin.custom', app.clock.now()))).toBeDefined();
    await app.store.privacy.erasePerson('shell:alice');
    expect((await app.store.drafts.get('shell:alice', 'checkin.replace', app.clock.now()))).toBeUndefined();
    expect((await app.store.drafts.get('shell:alice', 'checkin.custom', app.clock.now()))).toBeUndefined();
  });
});
