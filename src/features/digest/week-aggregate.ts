import type { CheckIn } from '../../core/model/history.js';
import type { Team } from '../../core/model/team.js';
import { termPeople } from './themes.js';
import type { Week } from './weeks.js';

import { HARD_MOOD, HARD_RUN } from '../../core/store/index.js';

export { HARD_MOOD, HARD_RUN };

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** A person's weekly score: their mean, rounded half up to a whole step of the scale. */
export const weekScore = (personMean: number) => Math.min(5, Math.max(1, Math.floor(personMean + 0.5)));

/** People by weekly score 1-5: each person weighs once, however often they checked in. */
function histogram(perPerson: readonly number[][]): number[] {
  const out = [0, 0, 0, 0, 0];
  for (const xs of perPerson) out[weekScore(mean(xs)) - 1]!++;
  return out;
}

/** One check-in per person and day: the latest, as a replaced answer would be. */
function latestPerPersonDay(checkIns: readonly CheckIn[]): CheckIn[] {
  const byKey = new Map<string, CheckIn>();
  for (const c of checkIns) {
    const key = `${c.personId}|${c.localDate}`;
    const prev = byKey.get(key);
    if (!prev || c.at > prev.at) byKey.set(key, c);
  }
  return [...byKey.values()];
}

function hasHardRun(checkIns: readonly CheckIn[]): boolean {
  let run = 0;
  for (const c of [...checkIns].sort((a, b) => a.localDate.localeCompare(b.localDate))) {
    run = c.mood <= HARD_MOOD ? run + 1 : 0;
    if (run >= HARD_RUN) return true;
  }
  return false;
}

/** A team question's exact answers of the week: who answered, and what. */
export interface ExactQuestion {
  id: string;
  kind: 'scale' | 'text';
  /** People with a usable answer (a 1-5 number for a scale question). */
  answered: Set<string>;
  histogram?: number[];
  terms?: Map<string, number>;
}

/**
 * One team's exact figures for one week, never stored or shown: the release step (release.ts) audits
 * them against what was already published and adds the noise before anything is frozen.
 */
export interface ExactWeek {
  from: string;
  to: string;
  threshold: number;
  /** Members during the week, plus anyone who answered for the team (membership records and zones disagree at edges). */
  members: Set<string>;
  respondents: Set<string>;
  mood: number[];
  energy: number[];
  stress: number[];
  /** Respondents with three or more hard check-ins in a row. */
  hardRuns: number;
  /** Distinct people per term of the notes. */
  terms: Map<string, number>;
  questions: ExactQuestion[];
}

export interface WeekInput {
  team: Team;
  week: Week;
  /** The team's check-ins dated in the week. */
  checkIns: readonly CheckIn[];
  /** People who were members at some point in the week. */
  members: ReadonlySet<string>;
  threshold: number;
}

export function exactWeek({ team, week, checkIns, members, threshold }: WeekInput): ExactWeek {
  const rows = latestPerPersonDay(checkIns.filter((c) => c.localDate >= week.from && c.localDate <= week.to));
  const byPerson = new Map<string, CheckIn[]>();
  for (const c of rows) byPerson.set(c.personId, [...(byPerson.get(c.personId) ?? []), c]);
  const people = [...byPerson.values()];

  const notes = new Map<string, string[]>();
  // Only notes their authors chose to share feed themes: a private note is read by nobody, not even as a count.
  for (const [person, cs] of byPerson) notes.set(person, cs.flatMap((c) => (c.note && c.shareNote ? [c.note] : [])));

  const questions: ExactQuestion[] = team.questions.map((q) => {
    if (q.kind === 'scale') {
      const answers = new Map<string, number[]>();
      for (const [person, cs] of byPerson) {
        const mine = cs.flatMap((c) => {
          const x = c.custom[q.id];
          return typeof x === 'number' && x >= 1 && x <= 5 ? [x] : [];
        });
        if (mine.length) answers.set(person, mine);
      }
      return { id: q.id, kind: q.kind, answered: new Set(answers.keys()), histogram: histogram([...answers.values()]) };
    }
    const texts = new Map<string, string[]>();
    for (const [person, cs] of byPerson) {
      const mine = cs.flatMap((c) => (c.custom[q.id] === undefined ? [] : [String(c.custom[q.id])]));
      if (mine.length) texts.set(person, mine);
    }
    return { id: q.id, kind: q.kind, answered: new Set(texts.keys()), terms: termPeople(texts) };
  });

  return {
    from: week.from,
    to: week.to,
    threshold,
    members: new Set([...members, ...byPerson.keys()]),
    respondents: new Set(byPerson.keys()),
    mood: histogram(people.map((cs) => cs.map((c) => c.mood))),
    energy: histogram(people.map((cs) => cs.map((c) => c.energy))),
    stress: histogram(people.map((cs) => cs.map((c) => c.stress))),
    hardRuns: people.filter(hasHardRun).length,
    terms: termPeople(notes),
    questions,
  };
}
