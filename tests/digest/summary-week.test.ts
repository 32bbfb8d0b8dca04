import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckIn } from '../../src/core/model/history.js';
import type { Team } from '../../src/core/model/team.js';
import { seededRandom } from '../../src/core/seeded-random.js';
import { addDays } from '../../src/core/time.js';
import { exactWeekFromSummaries, summariesSuffice } from '../../src/features/digest/summary-week.js';
import { teamCheckIns } from '../../src/features/digest/team-checkins.js';
import { exactWeek } from '../../src/features/digest/week-aggregate.js';
import { makeTestApp, type TestApp } from '../helpers/test-app.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
});
afterEach(async () => {
  await app.cleanup();
});

const team: Team = {
  id: 'shell/care',
  workspace: 'shell',
  name: 'Care',
  createdAt: '2026-01-01T00:00:00.000Z',
  members: ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => ({ personId: `shell:${n}`, from: '2026-01-01T00:00:00.000Z' })),
  leads: [],
  threshold: 3,
  digestDay: 'mon',
  digestTime: '09:00',
  questions: [{ id: 'q1', kind: 'scale', text: 'How clear were priorities?' }],
} as Team;

describe('a digest week from the weekly summaries', () => {
  it('has exactly the figures computed from the check-ins themselves (weeks across a month edge, repeated days, hard runs)', async () => {
    const random = seededRandom(7);
    const all: CheckIn[] = [];
    // Weeks of 2026-03-23 and 2026-03-30 (the second crosses into April); several answers some days.
    for (const m of team.members) {
      for (let d = 0; d < 14; d++) {
        const date = addDays('2026-03-23', d);
        const answers = random() < 0.2 ? 2 : random() < 0.85 ? 1 : 0;
        for (let k = 0; k < answers; k++) {
          const c: CheckIn = {
            id: `${m.personId}-${date}-${k}`,
            personId: m.personId,
            at: `${date}T1${k}:00:00.000Z`,
            localDate: date,
            mood: 1 + Math.floor(random() * 5),
            energy: 1 + Math.floor(random() * 5),
            stress: 1 + Math.floor(random() * 5),
            shareNote: false,
            teams: random() < 0.9 ? [team.id] : [],
            custom: {},
          };
          all.push(c);
          await app.store.history.addCheckIn(c);
        }
      }
    }
    for (const week of [{ from: '2026-03-23', to: '2026-03-29' }, { from: '2026-03-30', to: '2026-04-05' }]) {
      const rows = (await Promise.all(team.members.map((m) => app.store.history.weekSummaries(m.personId, week)))).flat().filter((r) => r.teamId === team.id);
      expect(summariesSuffice(team, rows)).toBe(true);
      const members = new Set(team.members.map((m) => m.personId));
      const fromRows = exactWeekFromSummaries({ team, week, rows, members, threshold: 3 });
      const fromCheckIns = exactWeek({ team, week, checkIns: teamCheckIns(team, all), members, threshold: 3 });
      expect(fromRows).toEqual(fromCheckIns);
      expect(fromRows.hardRuns + fromRows.respondents.size).toBeGreaterThan(0);
    }
  });

  it('needs the check-ins when a week holds a shared note or predates the team', async () => {
    const base = { personId: 'shell:a', teamId: team.id, week: '2026-03-23', days: 1, mood: 3, energy: 3, stress: 3, hardRun: false, firstAt: '2026-03-23T10:00:00.000Z', words: false };
    expect(summariesSuffice(team, [base])).toBe(true);
    expect(summariesSuffice(team, [{ ...base, words: true }])).toBe(false);
    expect(summariesSuffice({ ...team, createdAt: '2026-03-24T00:00:00.000Z' }, [base])).toBe(false);
  });
});
