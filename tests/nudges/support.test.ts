import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { teamId } from '../../src/core/model/team.js';
import { createLogger } from '../../src/logger.js';
import { nudgeAfterCheckIn } from '../../src/features/nudges/after-checkin.js';
import { makeTestApp, run, type TestApp } from '../helpers/test-app.js';
import { blocksText, checkInWithHook, contextFor, storeCheckIn } from './helpers.js';
import type { AppConfig } from '../../src/config.js';
import { putTeam } from '../helpers/seed.js';

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

describe('the support message after three check-ins in a row with mood 1', () => {
  it('reaches that person alone, in their check-in confirmation, with the resources the admin set', async () => {
    await setUp();
    await run(app, 'admin', `nudge resources ${RESOURCES}`);
    expect(blocksText(await checkInWithHook(app, 'alice', DAYS[0]!, low))).not.toContain('Checking in on you');
    expect(blocksText(await checkInWithHook(app, 'alice', DAYS[1]!, low))).not.toContain('Checking in on you');
    const third = blocksText(await checkInWithHook(app, 'alice', DAYS[2]!, low));
    expect(third).toContain('Checking in on you');
    expect(third).toContain('This message is only for you: nobody else is told.');
    expect(third).toContain(`Your organisation offers this support:\n${RESOURCES}`);

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
    // Teammates' own check-ins carry no sign of it either.
    const bobs = await checkInWithHook(app, 'bob', DAYS[2]!, { mood: 4, energy: 4, stress: 2 });
    expect(bobs).toEqual([]);
  });

  it('is kept out of team-level data: teams and check-in records are unchanged; only alice\'s own nudge state knows', async () => {
    await setUp();
    const teamBefore = await app.store.teams.get(teamId('shell', 'care'));
    for (const d of DAYS.slice(0, 3)) await checkInWithHook(app, 'alice', d, low);
    expect((await app.store.teams.get(teamId('shell', 'care')))).toEqual(teamBefore);
    const stored = await app.store.history.checkIns('shell:alice', { from: DAYS[0]!, to: DAYS[2]! });
    for (const c of stored) expect(Object.keys(c).sort()).toEqual(['at', 'custom', 'energy', 'id', 'localDate', 'mood', 'personId', 'shareNote', 'stress', 'teams']);
    expect((await app.store.nudges.get('shell:alice')).supportShownFor).toBe(DAYS[0]);
    const state = JSON.parse(await readFile(path.join(app.dataDir, 'state.json'), 'utf8'));
    expect(JSON.stringify(state.teams)).not.toContain('support');
    expect(Object.keys(state.nudges.people)).toEqual(['shell:alice']);
  });

  it('is shown once per stretch, and again for a new stretch after a better day', async () => {
    await setUp();
    for (const d of DAYS.slice(0, 3)) await checkInWithHook(app, 'alice', d, low);
    expect(blocksText(await checkInWithHook(app, 'alice', DAYS[3]!, low))).not.toContain('Checking in on you');
    await checkInWithHook(app, 'alice', DAYS[4]!, { mood: 3, energy: 3, stress: 3 });
    for (const d of ['2026-03-09', '2026-03-10']) expect(blocksText(await checkInWithHook(app, 'alice', d, low))).not.toContain('Checking in on you');
    expect(blocksText(await checkInWithHook(app, 'alice', '2026-03-11', low))).toContain('Checking in on you');
  });

  it('needs three in a row: mood 1, 1, 2, 1 shows nothing', async () => {
    await setUp();
    const moods = [1, 1, 2, 1];
    const texts: string[] = [];
    for (let i = 0; i < moods.length; i++) texts.push(blocksText(await checkInWithHook(app, 'alice', DAYS[i]!, { ...low, mood: moods[i]! })));
    expect(texts.join('\n')).not.toContain('Checking in on you');
  });

  it('without resources, kindly suggests talking to someone they trust, their manager or HR', async () => {
    await setUp();
    for (const d of DAYS.slice(0, 2)) await checkInWithHook(app, 'alice', d, low);
    const third = blocksText(await checkInWithHook(app, 'alice', DAYS[2]!, low));
    expect(third).toContain('Consider reaching out to someone you trust, such as a friend, a colleague, your manager or HR');
    expect(third).not.toContain('Your organisation offers this support');
  });

  it('uses ATTUNE_SUPPORT_TEXT when no admin set any, and the admin\'s text wins over it', async () => {
    await setUp({ supportText: 'Call the wellbeing line on 0800 000 111.' });
    for (const d of DAYS.slice(0, 2)) await storeCheckIn(app, 'alice', d, low);
    expect(blocksText(await checkInWithHook(app, 'alice', DAYS[2]!, low))).toContain('Your organisation offers this support:\nCall the wellbeing line on 0800 000 111.');
    await run(app, 'admin', `nudge resources ${RESOURCES}`);
    for (const d of ['2026-03-09', '2026-03-10']) await storeCheckIn(app, 'bob', d, low);
    const bobs = blocksText(await checkInWithHook(app, 'bob', '2026-03-11', low));
    expect(bobs).toContain(RESOURCES);
    expect(bobs).not.toContain('0800 000 111');
  });

  it('is shown even when nudges are off: it is not a nudge', async () => {
    await setUp();
    await run(app, 'alice', 'nudge off');
    for (const d of DAYS.slice(0, 2)) await storeCheckIn(app, 'alice', d, low);
    const blocks = await checkInWithHook(app, 'alice', DAYS[2]!, low);
    expect(blocksText(blocks)).toContain('Checking in on you');
    expect(blocks.some((b) => b.type === 'choice')).toBe(false);
  });

  it('is never logged', async () => {
    await setUp();
    const lines: string[] = [];
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => lines.push(chunk.toString('utf8')));
    for (const d of DAYS.slice(0, 2)) await storeCheckIn(app, 'alice', d, low);
    const checkIn = await storeCheckIn(app, 'alice', DAYS[2]!, low);
    const ctx = { ...(await contextFor(app, 'alice', DAYS[2]!)), log: createLogger('trace', stream) };
    expect(blocksText(await nudgeAfterCheckIn(ctx, checkIn))).toContain('Checking in on you');
    expect(lines).toEqual([]);
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
