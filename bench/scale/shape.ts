/**
 * The shape of a year of Attune for the scale benchmark: who exists, and every row, generated
 * deterministically per person so the JSON seeders and the SQLite seeder write the very same rows.
 */
import type { CheckIn, Reflection, ServedPrompt } from '../../src/core/model/history.js';
import type { Delivery } from '../../src/core/model/delivery.js';
import type { Person } from '../../src/core/model/person.js';
import type { Team } from '../../src/core/model/team.js';
import { EI_COMPONENTS } from '../../src/core/model/history.js';
import { seededRandom } from '../../src/core/seeded-random.js';
import { addDays, weekdayOf } from '../../src/core/time.js';

export interface Shape {
  people: number;
  days: number;
  teamSize: number;
  /** Event keys already claimed today and yesterday in the year's data dir. */
  eventKeys: number;
  /** Timed operations per measured figure. */
  samples: number;
  /** Person counts of the settings-write comparison, and event keys of the claim comparison. */
  smallPeople: number;
  largePeople: number;
  largeEventKeys: number;
  /** History of the "1k" check-in comparison. */
  smallHistory: number;
  concurrentCheckIns: number;
  concurrentCommands: number;
}

export const FULL: Shape = {
  people: 5000,
  days: 365,
  teamSize: 10,
  eventKeys: 20_000,
  samples: 400,
  smallPeople: 50,
  largePeople: 20_000,
  largeEventKeys: 50_000,
  smallHistory: 1000,
  concurrentCheckIns: 500,
  concurrentCommands: 50,
};

export const SMALL: Shape = {
  people: 60,
  days: 40,
  teamSize: 10,
  eventKeys: 500,
  samples: 20,
  smallPeople: 10,
  largePeople: 200,
  largeEventKeys: 1000,
  smallHistory: 100,
  concurrentCheckIns: 30,
  concurrentCommands: 5,
};

/** The day the benchmark stands on (a Monday); history covers the `days` before it. */
export const TODAY = '2026-11-30';
export const NOW = `${TODAY}T10:00:00.000Z`;
export const WORKSPACE = 'slack:T0BENCH';
const JOINED = '2025-11-01T00:00:00.000Z';

export const personId = (i: number) => `${WORKSPACE}:U${String(i).padStart(6, '0')}`;
export const teamId = (t: number) => `${WORKSPACE}/team-${t}`;
export const teamOf = (i: number, shape: Shape) => Math.floor(i / shape.teamSize);

export function person(i: number): Person {
  return {
    id: personId(i),
    workspace: WORKSPACE,
    name: `Person ${i} Example`,
    createdAt: JOINED,
    admin: i === 0,
    tz: ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'UTC'][i % 4],
    tzSource: 'platform',
    promptTime: '09:30',
    reminderTime: '16:30',
    workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  };
}

export function team(t: number, shape: Shape): Team {
  const members = Array.from({ length: shape.teamSize }, (_, k) => t * shape.teamSize + k).filter((i) => i < shape.people);
  return {
    id: teamId(t),
    workspace: WORKSPACE,
    name: `Team ${t}`,
    createdAt: JOINED,
    members: members.map((i) => ({ personId: personId(i), from: JOINED })),
    leads: [personId(members[0]!)],
    threshold: 5,
    digestDay: 'mon',
    digestTime: '09:00',
    questions: [],
  } as Team;
}

const NOTES = ['long day but the team had my back', 'the release went out, tired', 'too many meetings again', 'good focus time this morning', 'waiting on review feedback'];
const ANSWER =
  'I noticed I got short with a colleague when the deadline moved. Next time I want to pause, name what I feel, and ask what they need before I answer. ' +
  'It helped to write it down; I saw that the frustration was about the plan changing, not about them. ';

export interface PersonYear {
  checkins: CheckIn[];
  reflections: Reflection[];
  served: ServedPrompt[];
  ledger: Delivery[];
}

/** One person's year: a check-in on ~98.6% of days, a prompt served each working day, a reflection on a quarter of those, one ledger entry per prompt. */
export function personYear(i: number, shape: Shape): PersonYear {
  const rand = seededRandom(1000 + i);
  const id = personId(i);
  const out: PersonYear = { checkins: [], reflections: [], served: [], ledger: [] };
  for (let d = shape.days; d >= 1; d--) {
    const date = addDays(TODAY, -d);
    if (rand() < 0.986) {
      const note = rand() < 0.35 ? NOTES[Math.floor(rand() * NOTES.length)] : undefined;
      out.checkins.push({
        id: `c-${i}-${date}`,
        personId: id,
        at: `${date}T16:3${Math.floor(rand() * 10)}:00.000Z`,
        localDate: date,
        mood: 1 + Math.floor(rand() * 5),
        energy: 1 + Math.floor(rand() * 5),
        stress: 1 + Math.floor(rand() * 5),
        ...(note ? { note } : {}),
        shareNote: false,
        teams: [teamId(teamOf(i, shape))],
        custom: {},
        key: `Ev${i}x${d}`,
      });
    }
    const weekday = weekdayOf(date);
    if (weekday === 'sat' || weekday === 'sun') continue;
    const component = EI_COMPONENTS[Math.floor(rand() * EI_COMPONENTS.length)]!;
    const promptId = `${component}-${1 + Math.floor(rand() * 30)}`;
    out.served.push({ localDate: date, promptId, component, at: `${date}T09:30:00.000Z` });
    out.ledger.push({ personId: id, job: 'daily-prompt', localDate: date, status: 'sent', dueAt: `${date}T09:30:00.000Z`, updatedAt: `${date}T09:30:01.000Z`, attempts: 1 });
    if (rand() < 0.254) {
      out.reflections.push({ id: `r-${i}-${date}`, personId: id, at: `${date}T11:02:00.000Z`, localDate: date, promptId, component, answer: ANSWER.slice(0, 120 + Math.floor(rand() * 180)), key: `Ev${i}r${d}` });
    }
  }
  return out;
}
