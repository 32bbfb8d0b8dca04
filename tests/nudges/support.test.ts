import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { teamId } from '../../src/core/model/team.js';
import { createLogger } from '../../src/logger.js';
import { confirmCheckIn } from '../../src/features/checkin/confirm-checkin.js';
import type { Reply } from '../../src/core/reply.js';
import { typeIntoShell } from '../helpers/shell-driver.js';
import { makeTestApp, run, type TestApp } from '../helpers/test-app.js';
import { blocksText, checkInConfirmed, contextFor, nudgeIdIn, storeCheckIn } from './helpers.js';
import type { AppConfig } from '../../src/config.js';
import { putTeam } from '../helpers/seed.js';
import { personIdsWithStoredNudges } from '../helpers/stored-files.js';

let app: TestApp;
afterEach(async () => {
  await app.cleanup();
});

const RESOURCES = 'Employee Assistance Line: 0800 555 0100 (free, confidential, 24/7). Wellbeing hub: https://intranet.example/wellbeing';
const low = { mood: 1, energy: 2, stress: 3 };
const DAYS = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'];

async function setUp(config: Partial<AppConfig> = {}): Promise<void> {
  app = await makeTestApp({ config });
  await run(app, 'admin', 'help'); // the first person is the workspace admin
  for (const name of ['maya', 'alice', 'bob', 'carol']) await run(app, name, 'help');
  await putTeam(app.store, {
    id: teamId('shell', 'care'),
    workspace: 'shell',
    name: 'Customer Care',
    createdAt: '2026-01-01T00:00:00.000Z',
    members: ['alice', 'bob', 'carol'].map((n) => ({ personId: `shell:${n}`, from: '2026-01-01T00:00:00.000Z' })),
    leads: ['shell:maya'],
    digestDay: 'mon',
    digestTime: '09:00',
    questions: [],
  });
}

const said = (r: Reply) => blocksText(r.blocks);
const interactive = (r: Reply) => r.blocks.filter((b) => b.type === 'choice' || b.type === 'form' || b.type === 'scale');

describe('the support message after a sustained hard stretch', () => {
  it('given 3 of the last 4 check-ins at mood 2 or lower (2, 1, 3, 2), reaches that person alone, with the resources the admin set', async () => {
    await setUp();
    await run(app, 'admin', `nudge resources ${RESOURCES}`);
    const moods = [2, 1, 3];
    for (let i = 0; i < moods.length; i++) expect(said(await checkInConfirmed(app, 'alice', DAYS[i]!, { ...low, mood: moods[i]! }))).not.toContain('Checking in on you');
    const fourth = said(await checkInConfirmed(app, 'alice', DAYS[3]!, { ...low, mood: 2 }));
    expect(fourth).toContain('Checking in on you');
    expect(fourth).toContain('This message is only for you: nobody else is told.');
    expect(fourth).toContain(`Your organisation offers this support:\n${RESOURCES}`);

    // Nobody else is told: nothing went out on Attune's own initiative, and the others' replies hold none of it.
    expect(app.outbox.sent).toEqual([]);
    for (const name of ['maya', 'bob', 'carol', 'admin']) {
      for (const words of ['nudge now', 'nudge status', 'history', 'help']) {
        const reply = await run(app, name, words);
        expect(JSON.stringify(reply)).not.toContain('Checking in on you');
        expect(JSON.stringify(reply)).not.toContain('alice');
      }
      const exported = await app.store.privacy.exportPerson(`shell:${name}`);
      expect(JSON.stringify(exported)).not.toContain('shell:alice');
    }
    const bobs = await checkInConfirmed(app, 'bob', DAYS[3]!, { mood: 4, energy: 4, stress: 2 });
    expect(said(bobs)).not.toContain('Checking in on you');
  });

  it('given stress 5 twice within seven days, shows it even with a good mood', async () => {
    await setUp();
    expect(said(await checkInConfirmed(app, 'alice', '2026-03-02', { mood: 4, energy: 3, stress: 5 }))).not.toContain('Checking in on you');
    expect(said(await checkInConfirmed(app, 'alice', '2026-03-03', { mood: 4, energy: 3, stress: 3 }))).not.toContain('Checking in on you');
    expect(said(await checkInConfirmed(app, 'alice', '2026-03-08', { mood: 4, energy: 3, stress: 5 }))).toContain('Checking in on you');
  });

  it('given stress 5 eight days apart, shows nothing', async () => {
    await setUp();
    await checkInConfirmed(app, 'alice', '2026-03-02', { mood: 4, energy: 3, stress: 5 });
    expect(said(await checkInConfirmed(app, 'alice', '2026-03-10', { mood: 4, energy: 3, stress: 5 }))).not.toContain('Checking in on you');
  });

  it('comes first and alone: no exercise, no "was this helpful?" buttons, no team questions, no feeling picker; then the saved line', async () => {
    await setUp();
    await run(app, 'admin', 'team question add care scale How supported did you feel today?');
    for (const d of DAYS.slice(0, 2)) await storeCheckIn(app, 'alice', d, { mood: 1, energy: 2, stress: 5 });
    const reply = await checkInConfirmed(app, 'alice', DAYS[2]!, { mood: 1, energy: 2, stress: 5 });
    expect(reply.blocks[0]).toEqual({ type: 'text', text: 'Checking in on you', style: 'heading' });
    expect(interactive(reply)).toEqual([]);
    expect(said(reply)).not.toContain('exercise');
    expect(said(reply)).not.toContain('How supported');
    expect(reply.text.startsWith('Checking in on you\n')).toBe(true);
    expect(reply.text).toContain('Checked in: mood 1 (rough), energy 2 (tired), stress 5 (overwhelmed).');
    expect((await app.store.nudges.get('shell:alice')).served).toEqual([]);
    // The next day (still hard) the confirmation is the usual one again, with its exercise.
    const next = await checkInConfirmed(app, 'alice', DAYS[3]!, { mood: 1, energy: 2, stress: 5 });
    expect(said(next)).not.toContain('Checking in on you');
    expect(nudgeIdIn(next.blocks)).toBeDefined();
  });

  it('is kept out of team-level data: teams and check-in records are unchanged; only alice\'s own nudge state knows', async () => {
    await setUp();
    const teamBefore = (await app.store.teams.get(teamId('shell', 'care')));
    for (const d of DAYS.slice(0, 3)) await checkInConfirmed(app, 'alice', d, low);
    expect((await app.store.teams.get(teamId('shell', 'care')))).toEqual(teamBefore);
    const stored = await app.store.history.checkIns('shell:alice', { from: DAYS[0]!, to: DAYS[2]! });
    for (const c of stored) expect(Object.keys(c).sort()).toEqual(['at', 'custom', 'energy', 'id', 'localDate', 'mood', 'personId', 'shareNote', 'stress', 'teams']);
    expect((await app.store.nudges.get('shell:alice')).supportShownFor).toBe(DAYS[2]);
    const state = JSON.parse(await readFile(path.join(app.dataDir, 'state.json'), 'utf8'));
    expect(JSON.stringify(state.teams)).not.toContain('support');
    expect(await personIdsWithStoredNudges(app.dataDir)).toEqual(['shell:alice']);
  });

  it('is shown once per stretch, and again for a new stretch after the stretch ends', async () => {
    await setUp();
    for (const d of DAYS.slice(0, 3)) await checkInConfirmed(app, 'alice', d, low);
    expect(said(await checkInConfirmed(app, 'alice', DAYS[3]!, low))).not.toContain('Checking in on you');
    for (const d of [DAYS[4]!, '2026-03-09']) await checkInConfirmed(app, 'alice', d, { mood: 3, energy: 3, stress: 3 });
    expect(said(await checkInConfirmed(app, 'alice', '2026-03-10', low))).not.toContain('Checking in on you');
    expect(said(await checkInConfirmed(app, 'alice', '2026-03-11', low))).not.toContain('Checking in on you');
    expect(said(await checkInConfirmed(app, 'alice', '2026-03-12', low))).toContain('Checking in on you');
  });

  it('triggers on runs the old rule missed: 2, 1, 1, 2, 1', async () => {
    await setUp();
    const moods = [2, 1, 1, 2, 1];
    const texts: string[] = [];
    for (let i = 0; i < moods.length; i++) texts.push(said(await checkInConfirmed(app, 'alice', DAYS[i]!, { ...low, mood: moods[i]! })));
    expect(texts.map((t) => t.includes('Checking in on you'))).toEqual([false, false, true, false, false]);
  });

  it('without resources, suggests people they trust outside their line, an employee assistance programme and local emergency numbers', async () => {
    await setUp();
    for (const d of DAYS.slice(0, 2)) await checkInConfirmed(app, 'alice', d, low);
    const third = said(await checkInConfirmed(app, 'alice', DAYS[2]!, low));
    expect(third).toContain('someone you trust outside your line of management');
    expect(third).toContain('employee assistance programme');
    expect(third).toContain('local emergency number');
    expect(third).not.toContain('Your organisation offers this support');
  });

  it('uses ATTUNE_SUPPORT_TEXT when no admin set any, and the admin\'s text wins over it', async () => {
    await setUp({ supportText: 'Call the wellbeing line on 0800 000 111.' });
    for (const d of DAYS.slice(0, 2)) await storeCheckIn(app, 'alice', d, low);
    expect(said(await checkInConfirmed(app, 'alice', DAYS[2]!, low))).toContain('Your organisation offers this support:\nCall the wellbeing line on 0800 000 111.');
    await run(app, 'admin', `nudge resources ${RESOURCES}`);
    for (const d of ['2026-03-09', '2026-03-10']) await storeCheckIn(app, 'bob', d, low);
    const bobs = said(await checkInConfirmed(app, 'bob', '2026-03-11', low));
    expect(bobs).toContain(RESOURCES);
    expect(bobs).not.toContain('0800 000 111');
  });

  it('is shown even when nudges are off: it is not a nudge', async () => {
    await setUp();
    await run(app, 'alice', 'nudge off');
    for (const d of DAYS.slice(0, 2)) await storeCheckIn(app, 'alice', d, low);
    const reply = await checkInConfirmed(app, 'alice', DAYS[2]!, low);
    expect(said(reply)).toContain('Checking in on you');
    expect(interactive(reply)).toEqual([]);
  });

  it('is never logged', async () => {
    await setUp();
    const lines: string[] = [];
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => lines.push(chunk.toString('utf8')));
    for (const d of DAYS.slice(0, 2)) await storeCheckIn(app, 'alice', d, low);
    const checkIn = await storeCheckIn(app, 'alice', DAYS[2]!, low);
    const ctx = { ...(await contextFor(app, 'alice', DAYS[2]!)), log: createLogger('trace', stream) };
    expect(said(await confirmCheckIn(ctx, checkIn, { duplicate: false }))).toContain('Checking in on you');
    expect(lines).toEqual([]);
  });

  it('through the shell, the checkin command shows it first, then the saved line, and nothing to answer', async () => {
    await setUp();
    for (const d of ['2026-02-27', '2026-03-01']) await storeCheckIn(app, 'alice', d, low);
    const out = await typeIntoShell(app, ['checkin 1 2 3'], 'alice');
    expect(out.indexOf('Checking in on you')).toBeGreaterThan(0);
    expect(out.indexOf('Checking in on you')).toBeLessThan(out.indexOf('Checked in: mood 1'));
    expect(out).not.toContain('Type a number');
  });
});

describe('admins are prompted to set their own support resources', () => {
  it('at setup, team create says none are set and how to add them; once set, it says nothing more', async () => {
    await setUp();
    const first = await run(app, 'admin', 'team create Billing');
    expect(first.text).toContain('No support resources are set for this workspace yet.');
    expect(first.text).toContain('/attune nudge resources <text>');
    await run(app, 'admin', `nudge resources ${RESOURCES}`);
    expect((await run(app, 'admin', 'team create Sales')).text).not.toContain('support');
  });
});

describe('setting the support resources', () => {
  it('only an admin can set or clear them; anyone can read them', async () => {
    await setUp();
    expect((await run(app, 'alice', 'nudge resources Call me')).text).toBe(
      'Only an admin of this workspace can change the support resources. You can read them with /attune nudge resources.',
    );
    expect((await run(app, 'alice', 'nudge resources')).text).toBe(
      'No support resources are set for this workspace yet. An admin can add them with /attune nudge resources <text>.',
    );
    await run(app, 'admin', `nudge resources ${RESOURCES}`);
    expect((await run(app, 'alice', 'nudge resources')).text).toBe(`Support resources\n${RESOURCES}`);
    expect((await app.store.nudges.supportResources('shell'))).toEqual({ text: RESOURCES, updatedAt: '2026-03-02T10:00:00.000Z' });
    await run(app, 'alice', 'nudge resources clear');
    expect((await app.store.nudges.supportResources('shell'))?.text).toBe(RESOURCES);
    expect((await run(app, 'admin', 'nudge resources clear')).text).toContain('Cleared.');
    expect((await app.store.nudges.supportResources('shell'))).toBeUndefined();
  });

  it('refuses text over 1,500 characters and keeps what was there', async () => {
    await setUp();
    await run(app, 'admin', 'nudge resources short');
    expect((await run(app, 'admin', `nudge resources ${'x'.repeat(1501)}`)).text).toBe(
      'The support text is 1501 characters; the limit is 1500. Nothing was saved: shorten it and send it again.',
    );
    expect((await app.store.nudges.supportResources('shell'))?.text).toBe('short');
  });
});
