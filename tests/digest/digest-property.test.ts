import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { ManualClock } from '../../src/core/clock.js';
import type { DigestWeek } from '../../src/core/model/digest-week.js';
import type { CheckIn } from '../../src/core/model/history.js';
import type { Person } from '../../src/core/model/person.js';
import type { Team } from '../../src/core/model/team.js';
import { addDays } from '../../src/core/time.js';
import { digestData } from '../../src/features/digest/build-digest.js';
import { terms } from '../../src/features/digest/themes.js';
import type { DateRange, Store } from '../../src/core/store/index.js';

/** Just the reads the digest makes, in memory, so that hundreds of random teams run in seconds. */
class MemoryStore {
  readonly frozen = new Map<string, Record<string, DigestWeek>>();
  constructor(
    readonly teamList: Team[],
    readonly checkinList: CheckIn[],
  ) {}
  readonly teams = { list: async (): Promise<Team[]> => structuredClone(this.teamList) };
  readonly people = { get: async (): Promise<Person | undefined> => undefined };
  readonly history = {
    checkIns: async (personId: string, range: DateRange): Promise<CheckIn[]> =>
      this.checkinList.filter((c) => c.personId === personId && c.localDate >= range.from && c.localDate <= range.to),
  };
  readonly digest = {
    weeks: async (teamId: string): Promise<Record<string, DigestWeek>> => structuredClone(this.frozen.get(teamId) ?? {}),
    freeze: async (entries: ReadonlyArray<{ teamId: string; week: DigestWeek }>): Promise<void> => {
      for (const { teamId, week } of entries) {
        const weeks = this.frozen.get(teamId) ?? {};
        weeks[week.from] ??= week;
        this.frozen.set(teamId, weeks);
      }
    },
  };
}

const TODAY = '2026-03-02';
const FIRST_DAY = '2026-01-05';
const WORDS = ['deadline', 'meetings', 'calm', 'customer', 'tired', 'release'];
const JOINED = '2025-12-01T00:00:00.000Z';
const admin: Person = { id: 'shell:boss', workspace: 'shell', name: 'boss', createdAt: JOINED, admin: true, promptTime: '09:30', reminderTime: '16:30', workingDays: ['mon'] };

const scenario = fc
  .record({
    threshold: fc.integer({ min: 3, max: 5 }),
    people: fc.integer({ min: 3, max: 9 }),
    teams: fc.array(fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 12, size: 'max' }), { minLength: 1, maxLength: 3 }),
    answers: fc.array(
      fc.record({
        person: fc.integer({ min: 0, max: 8 }),
        day: fc.integer({ min: 0, max: 55 }),
        mood: fc.integer({ min: 1, max: 5 }),
        energy: fc.integer({ min: 1, max: 5 }),
        stress: fc.integer({ min: 1, max: 5 }),
        note: fc.array(fc.constantFrom(...WORDS), { maxLength: 3 }),
        scale: fc.option(fc.integer({ min: 1, max: 5 })),
        text: fc.option(fc.constantFrom(...WORDS)),
        /** Which of the person's teams the answer carries (membership changes over time). */
        teamMask: fc.oneof(fc.constant(7), fc.integer({ min: 0, max: 7 })),
      }),
      { minLength: 20, maxLength: 150, size: 'max' },
    ),
  })
  .map((s) => {
    const teams: Team[] = s.teams.map((members, i) => ({
      id: `shell/t${i}`,
      workspace: 'shell',
      name: `t${i}`,
      createdAt: JOINED,
      members: [...new Set(members.filter((m) => m < s.people))].map((m) => ({ personId: `shell:p${m}`, from: JOINED })),
      leads: [],
      threshold: s.threshold,
      digestDay: 'mon',
      digestTime: '09:00',
      questions: [
        { id: 'q1', kind: 'scale', text: 'How supported?' },
        { id: 'q2', kind: 'text', text: 'What went well?' },
      ],
    }));
    const seen = new Set<string>();
    const checkIns: CheckIn[] = [];
    for (const [i, a] of s.answers.entries()) {
      const personId = `shell:p${a.person % s.people}`;
      const date = addDays(FIRST_DAY, a.day);
      if (seen.has(`${personId}|${date}`)) continue;
      seen.add(`${personId}|${date}`);
      const mine = teams.filter((t) => t.members.some((m) => m.personId === personId));
      checkIns.push({
        id: `c${i}`,
        personId,
        at: `${date}T12:00:00.000Z`,
        localDate: date,
        mood: a.mood,
        energy: a.energy,
        stress: a.stress,
        shareNote: false,
        teams: mine.filter((_, j) => a.teamMask & (1 << j)).map((t) => t.id),
        custom: { ...(a.scale !== null ? { q1: a.scale } : {}), ...(a.text !== null ? { q2: a.text } : {}) },
        ...(a.note.length ? { note: a.note.join(' ') } : {}),
      });
    }
    return { threshold: s.threshold, teams, checkIns };
  });

const distinct = (cs: readonly CheckIn[]) => new Set(cs.map((c) => c.personId));

describe('digest privacy property', () => {
  let shownWeeks = 0;
  it('over random teams, no digest field is computed from fewer than the threshold of people, and no two shown teams differ by fewer', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ threshold, teams, checkIns }) => {
        const store = new MemoryStore(teams, checkIns);
        const app = { store: store as unknown as Store, config: testConfig({ minRespondents: 5 }), clock: new ManualClock(`${TODAY}T10:00:00Z`), content: undefined as never };
        const shown = new Map<string, Set<string>>();
        for (const team of teams) {
          const data = await digestData(app, admin, team, TODAY);
          expect(data.weeks).toHaveLength(8);
          for (const week of data.weeks) {
            const raw = checkIns.filter((c) => c.teams.includes(team.id) && c.localDate >= week.from && c.localDate <= week.to);
            const people = distinct(raw);
            expect(week.respondents).toBe(people.size);
            const hasFigures = Boolean(week.mood || week.energy || week.stress || week.themes.length || week.days.length || week.custom.some((c) => c.stats || c.themes));
            if (week.withheld) {
              expect(hasFigures).toBe(false);
              continue;
            }
            expect(people.size).toBeGreaterThanOrEqual(threshold);
            shown.set(`${team.id}|${week.from}`, people);
            shownWeeks++;
            for (const theme of week.themes) {
              expect(theme.people).toBeGreaterThanOrEqual(threshold);
              expect(distinct(raw.filter((c) => c.note && terms(c.note).has(theme.term))).size).toBe(theme.people);
            }
            for (const d of week.days) expect(distinct(raw.filter((c) => c.localDate === d.date)).size).toBeGreaterThanOrEqual(threshold);
            for (const c of week.custom) {
              const answered = distinct(raw.filter((x) => x.custom[c.id] !== undefined));
              if (c.stats || c.themes) expect(answered.size).toBeGreaterThanOrEqual(threshold);
              for (const t of c.themes ?? []) expect(t.people).toBeGreaterThanOrEqual(threshold);
            }
          }
        }
        for (const [a, ra] of shown) {
          for (const [b, rb] of shown) {
            if (a === b || a.split('|')[1] !== b.split('|')[1]) continue;
            const diff = [...ra].filter((x) => !rb.has(x)).length + [...rb].filter((x) => !ra.has(x)).length;
            expect(diff === 0 || diff >= threshold).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
    // The property must have met real published weeks, not only withheld ones.
    expect(shownWeeks).toBeGreaterThan(100);
  });
});
