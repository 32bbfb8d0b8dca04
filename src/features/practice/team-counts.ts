import type { AppContext } from '../../core/app-context.js';
import type { DigestWeek } from '../../core/model/digest-week.js';
import { text, type Block } from '../../core/reply.js';
import type { WeekAuditor } from '../digest/auditor.js';
import { drawNoise, EPSILON_PER_COUNT, noisyCount } from '../digest/noise.js';
import type { Week } from '../digest/weeks.js';

type Ctx = Pick<AppContext, 'content'>;

/**
 * At most this many of one person's sessions (thank-yous received) count in a week's total, so one person
 * moves the total by at most this much and the total's noise can be scaled to hide them.
 */
export const ACTIVITY_CAP_PER_PERSON = 3;

/** One team's exact practice and thanks of one week: per person, never stored or shown. */
export interface ExactActivity {
  /** Sessions per person who practised (capped). */
  practice: Map<string, number>;
  /** Thank-yous received per person thanked (capped). */
  thanks: Map<string, number>;
}

/** One person's practice session dates and thank-you dates, read once however many weeks and teams ask. */
export type ActivitySource = (personId: string) => Promise<{ sessionDates: string[]; thanksDates: string[] }>;

/** Reads each person's practice and thanks at most once (a digest asks for every member, every missing week). */
export function activitySource(app: Pick<AppContext, 'store'>): ActivitySource {
  const seen = new Map<string, ReturnType<ActivitySource>>();
  return (id) => {
    let found = seen.get(id);
    if (!found) {
      found = Promise.all([app.store.practice.people.get(id), app.store.practice.thanks.list({ to: id })]).then(([p, received]) => ({
        sessionDates: (p?.sessions ?? []).map((s) => s.localDate),
        thanksDates: received.map((t) => t.localDate),
      }));
      seen.set(id, found);
    }
    return found;
  };
}

/** The members' practice sessions and thank-yous received in the week. */
export async function exactActivity(app: Pick<AppContext, 'store'>, members: Iterable<string>, week: Week, source = activitySource(app)): Promise<ExactActivity> {
  const inWeek = (d: string) => d >= week.from && d <= week.to;
  const out: ExactActivity = { practice: new Map(), thanks: new Map() };
  const ids = [...members];
  const all = await Promise.all(ids.map((id) => source(id)));
  for (const [i, id] of ids.entries()) {
    const { sessionDates, thanksDates } = all[i]!;
    const sessions = sessionDates.filter(inWeek).length;
    const thanks = thanksDates.filter(inWeek).length;
    if (sessions) out.practice.set(id, Math.min(ACTIVITY_CAP_PER_PERSON, sessions));
    if (thanks) out.thanks.set(id, Math.min(ACTIVITY_CAP_PER_PERSON, thanks));
  }
  return out;
}

/**
 * What a week may publish of practice and thanks. Each pair needs at least `threshold` people behind it
 * and the audit's admission in its own space (so Dept − EU − US cannot single out who practised), then
 * both figures get noise drawn once: the people count at ε per count, the capped total at ε over the cap.
 */
export function releaseActivity(exact: ExactActivity, threshold: number, key: string, auditor: WeekAuditor, random: () => number): NonNullable<DigestWeek['activity']> {
  const out: NonNullable<DigestWeek['activity']> = {};
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const noisyTotal = (m: Map<string, number>, people: number) => Math.max(people, total(m) + drawNoise(random, EPSILON_PER_COUNT / ACTIVITY_CAP_PER_PERSON));
  if (exact.practice.size >= threshold && auditor.admit('practice', `${key}|practice`, exact.practice.keys())) {
    const people = Math.max(threshold, noisyCount(exact.practice.size, random));
    out.practice = { people, sessions: noisyTotal(exact.practice, people) };
  }
  if (exact.thanks.size >= threshold && auditor.admit('thanks', `${key}|thanks`, exact.thanks.keys())) {
    const people = Math.max(threshold, noisyCount(exact.thanks.size, random));
    out.thanks = { people, thanks: noisyTotal(exact.thanks, people) };
  }
  return out;
}

/** The same exact activity gets the same figures (a team and its copy must not offer two draws to average). */
export function activitySignature(exact: ExactActivity, threshold: number): string {
  const sorted = (m: Map<string, number>) => [...m].sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([threshold, sorted(exact.practice), sorted(exact.thanks)]);
}

/**
 * The digest's practice and thanks lines, from the week as frozen. Below the threshold nothing is said at
 * all: even "too few" would tell a lead that someone practised (or was thanked) in a small group.
 */
export function teamActivityBlocks(app: Ctx, week: DigestWeek): Block[] {
  const a = week.activity;
  if (!a || week.withheld === 'overlap' || week.withheld === 'threshold-raised') return [];
  const copy = app.content.copy;
  const lines = [
    ...(a.practice ? [copy('practice.digest.count', { sessions: a.practice.sessions, people: a.practice.people })] : []),
    ...(a.thanks ? [copy('thanks.digest.count', { thanks: a.thanks.thanks, people: a.thanks.people })] : []),
  ];
  return lines.length ? [text(lines.join('\n'))] : [];
}
