import type { CustomAggregate, DigestWeek, ScoreStats } from '../../core/model/digest-week.js';
import type { CheckIn } from '../../core/model/history.js';
import type { Team } from '../../core/model/team.js';
import { themes } from './themes.js';
import type { Week } from './weeks.js';

/** A day is bad when at least the threshold of people checked in and their mean mood was at most this. */
export const BAD_DAY_MOOD = 2.5;

const round1 = (x: number) => Math.round(x * 10) / 10;
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** A person's weekly score: their mean, rounded half up to a whole step of the scale. */
export const weekScore = (personMean: number) => Math.min(5, Math.max(1, Math.floor(personMean + 0.5)));

/** Each person weighs once: the team mean is the mean of people's own means, the distribution counts people. */
function stats(perPerson: readonly number[][]): ScoreStats {
  const personMeans = perPerson.map(mean);
  const distribution = [0, 0, 0, 0, 0];
  for (const m of personMeans) distribution[weekScore(m) - 1]!++;
  return { mean: round1(mean(personMeans)), distribution };
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

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

export interface WeekInput {
  team: Team;
  week: Week;
  /** The team's check-ins dated in the week. */
  checkIns: readonly CheckIn[];
  /** People who were members at some point in the week. */
  members: ReadonlySet<string>;
  threshold: number;
  now: Date;
}

/**
 * A team's aggregates for one week. Under the threshold of distinct respondents it holds participation
 * only; every other figure is computed from at least `threshold` people, or left out.
 */
export function aggregateWeek({ team, week, checkIns, members, threshold, now }: WeekInput): DigestWeek {
  const rows = latestPerPersonDay(checkIns.filter((c) => c.localDate >= week.from && c.localDate <= week.to));
  const byPerson = groupBy(rows, (c) => c.personId);
  const respondents = byPerson.size;
  const base: DigestWeek = {
    from: week.from,
    to: week.to,
    frozenAt: now.toISOString(),
    threshold,
    // Someone who answered for the team counts as a member even if their membership record says otherwise (zones).
    members: new Set([...members, ...byPerson.keys()]).size,
    respondents,
    days: [],
    themes: [],
    custom: [],
  };
  if (respondents < threshold) return { ...base, withheld: 'too-few' };

  const people = [...byPerson.values()];
  const stress = stats(people.map((cs) => cs.map((c) => c.stress)));
  const stressHigh = people.filter((cs) => weekScore(mean(cs.map((c) => c.stress))) >= 4).length;

  const days = [...groupBy(rows, (c) => c.localDate)]
    .filter(([, cs]) => cs.length >= threshold)
    .map(([date, cs]) => ({ date, respondents: cs.length, bad: mean(cs.map((c) => c.mood)) <= BAD_DAY_MOOD }))
    .sort((a, b) => a.date.localeCompare(b.date));

  // Only notes their authors chose to share feed themes: a private note is read by nobody, not even as a count.
  const notes = new Map<string, string[]>();
  for (const [person, cs] of byPerson) notes.set(person, cs.flatMap((c) => (c.note && c.shareNote ? [c.note] : [])));

  const custom: CustomAggregate[] = team.questions.map((q) => {
    const answers = new Map<string, Array<number | string>>();
    for (const [person, cs] of byPerson) {
      const mine = cs.flatMap((c) => (c.custom[q.id] === undefined ? [] : [c.custom[q.id]!]));
      if (mine.length) answers.set(person, mine);
    }
    const agg: CustomAggregate = { id: q.id, kind: q.kind, respondents: answers.size };
    if (answers.size < threshold) return agg;
    if (q.kind === 'scale') {
      const numeric = [...answers.values()].map((a) => a.filter((x): x is number => typeof x === 'number' && x >= 1 && x <= 5)).filter((a) => a.length);
      return numeric.length >= threshold ? { ...agg, respondents: numeric.length, stats: stats(numeric) } : { ...agg, respondents: numeric.length };
    }
    const texts = new Map([...answers].map(([p, a]) => [p, a.map(String)] as const));
    return { ...agg, themes: themes(texts, threshold) };
  });

  return {
    ...base,
    mood: stats(people.map((cs) => cs.map((c) => c.mood))),
    energy: stats(people.map((cs) => cs.map((c) => c.energy))),
    stress,
    stressHigh,
    days,
    themes: themes(notes, threshold),
    themesFrom: 'shared',
    custom,
  };
}
