import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jobs } from '../../src/scheduler/jobs/index.js';
import { weeklyDigestJob } from '../../src/scheduler/jobs/weekly-digest.js';
import { makeTestApp, type TestApp } from '../helpers/test-app.js';
import { names, person, pid, team } from './fixtures.js';
import { putTeam } from '../helpers/seed.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
  await person(app, 'maya', { tz: 'Europe/Berlin' });
  await person(app, 'olga', { tz: 'America/New_York' });
  await team(app, 'care', { members: names('m', 5), leads: ['maya', 'olga'], name: 'Care' });
  await team(app, 'ops', { members: ['o1', 'o2', 'o3'], leads: ['olga'], name: 'Ops', digestDay: 'fri', digestTime: '17:30' });
});
afterEach(async () => {
  await app.cleanup();
});

const window = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) });
const summary = (occ: Awaited<ReturnType<typeof weeklyDigestJob.occurrences>>) =>
  occ.map((o) => `${o.personId} ${o.key} ${o.localDate} ${o.dueAt.toISOString()}`).sort();

describe('weekly digest job', () => {
  it('is registered with the scheduler', () => {
    expect(jobs).toContain(weeklyDigestJob);
  });

  it("is due for each lead at the team's day and time in the lead's own zone (Berlin and New York)", async () => {
    const occ = await weeklyDigestJob.occurrences(app, window('2026-03-01T00:00:00Z', '2026-03-08T00:00:00Z'));
    expect(summary(occ)).toEqual([
      'shell:maya weekly-digest:shell/care 2026-03-02 2026-03-02T08:00:00.000Z',
      'shell:olga weekly-digest:shell/care 2026-03-02 2026-03-02T14:00:00.000Z',
      'shell:olga weekly-digest:shell/ops 2026-03-06 2026-03-06T22:30:00.000Z',
    ]);
    expect(occ.find((o) => o.personId === pid('maya'))?.data).toEqual({ teamId: 'shell/care' });
  });

  it("follows the lead's daylight saving change (New York moves to UTC-4 on 2026-03-08)", async () => {
    const occ = await weeklyDigestJob.occurrences(app, window('2026-03-09T00:00:00Z', '2026-03-10T00:00:00Z'));
    expect(summary(occ)).toEqual([
      'shell:maya weekly-digest:shell/care 2026-03-09 2026-03-09T08:00:00.000Z',
      'shell:olga weekly-digest:shell/care 2026-03-09 2026-03-09T13:00:00.000Z',
    ]);
  });

  it('counts a due time once: the window is (from, to]', async () => {
    expect(await weeklyDigestJob.occurrences(app, window('2026-03-02T08:00:00Z', '2026-03-02T13:59:00Z'))).toEqual([]);
    expect(summary(await weeklyDigestJob.occurrences(app, window('2026-03-02T07:59:00Z', '2026-03-02T08:00:00Z')))).toEqual([
      'shell:maya weekly-digest:shell/care 2026-03-02 2026-03-02T08:00:00.000Z',
    ]);
  });

  it('uses the default zone for a lead who has none', async () => {
    await person(app, 'zed');
    await putTeam(app.store, { ...(await app.store.teams.get('shell/ops'))!, leads: [pid('zed')] });
    const occ = await weeklyDigestJob.occurrences(app, window('2026-03-06T00:00:00Z', '2026-03-07T00:00:00Z'));
    expect(summary(occ)).toEqual(['shell:zed weekly-digest:shell/ops 2026-03-06 2026-03-06T17:30:00.000Z']);
  });

  it("sends the lead the team's digest, and nothing once they no longer lead it", async () => {
    const [occ] = (await weeklyDigestJob.occurrences(app, window('2026-03-02T07:00:00Z', '2026-03-02T09:00:00Z')))!;
    const digest = await weeklyDigestJob.what(app, occ!);
    expect(digest?.text.split('\n')[0]).toBe('Morale digest · Care');
    expect(digest?.private).toBe(true);
    await putTeam(app.store, { ...(await app.store.teams.get('shell/care'))!, leads: [pid('olga')] });
    expect(await weeklyDigestJob.what(app, occ!)).toBeUndefined();
  });
});
