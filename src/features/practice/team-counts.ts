import type { AppContext } from '../../core/app-context.js';
import type { DigestWeek } from '../../core/model/digest-week.js';
import type { Team } from '../../core/model/team.js';
import { text, type Block } from '../../core/reply.js';
import { membersDuring } from '../digest/team-checkins.js';

type Ctx = Pick<AppContext, 'store' | 'content'>;

/** A team's practice and thanks in one week: counts only, and how many distinct people they come from. */
export interface TeamActivity {
  sessions: number;
  practisers: number;
  thanks: number;
  thanked: number;
}

/** Counts over the people who were members during the week. No ids leave this function. */
export async function teamActivity(app: Pick<AppContext, 'store'>, team: Team, week: Pick<DigestWeek, 'from' | 'to'>): Promise<TeamActivity> {
  const inWeek = (d: string) => d >= week.from && d <= week.to;
  const out: TeamActivity = { sessions: 0, practisers: 0, thanks: 0, thanked: 0 };
  for (const id of membersDuring(team, week)) {
    const [p, received] = await Promise.all([app.store.practice.people.get(id), app.store.practice.thanks.list({ to: id })]);
    const sessions = (p?.sessions ?? []).filter((s) => inWeek(s.localDate)).length;
    const thanks = received.filter((t) => inWeek(t.localDate)).length;
    out.sessions += sessions;
    out.practisers += sessions ? 1 : 0;
    out.thanks += thanks;
    out.thanked += thanks ? 1 : 0;
  }
  return out;
}

/**
 * The digest's practice and thanks lines. Each count shows only when at least `threshold` people stand
 * behind it, and never in a week held back for overlapping with another team. Below that nothing is
 * said at all: even "too few" would tell a lead that someone practised (or was thanked) in a small group.
 */
export async function teamActivityBlocks(app: Ctx, team: Team, week: DigestWeek, threshold: number): Promise<Block[]> {
  if (week.withheld === 'overlap') return [];
  const copy = app.content.copy;
  const a = await teamActivity(app, team, week);
  const lines = [
    ...(a.practisers >= threshold ? [copy('practice.digest.count', { sessions: a.sessions, people: a.practisers })] : []),
    ...(a.thanked >= threshold ? [copy('thanks.digest.count', { thanks: a.thanks, people: a.thanked })] : []),
  ];
  return lines.length ? [text(lines.join('\n'))] : [];
}
