import type { AppContext } from '../../core/app-context.js';
import type { CheckIn } from '../../core/model/history.js';
import type { Person } from '../../core/model/person.js';
import { heading, text, type Block, type Reply } from '../../core/reply.js';
import { addDays, type LocalDate } from '../../core/time.js';
import { averages, breathingEffect, MIN_CHECKINS, stressiestWeekday } from './patterns.js';

/** The note looks back this far: long enough for weekday patterns, short enough to be about now. */
export const INSIGHT_DAYS = 60;

type App = Pick<AppContext, 'store' | 'content'>;

const latestPerDay = (cs: readonly CheckIn[]): CheckIn[] => [...new Map([...cs].sort((a, b) => a.at.localeCompare(b.at)).map((c) => [c.localDate, c])).values()];

/**
 * A private note for one person, made only from their own check-ins and nudges: their averages, and
 * the patterns the data support (none is claimed below the minimum counts). Undefined when they have
 * too few check-ins for anything to be said.
 */
export async function insightNote(app: App, person: Person, today: LocalDate): Promise<Reply | undefined> {
  const from = addDays(today, -INSIGHT_DAYS);
  const checkIns = latestPerDay(await app.store.history.checkIns(person.id, { from, to: addDays(today, -1) }));
  if (checkIns.length < MIN_CHECKINS) return undefined;
  const copy = app.content.copy;
  const avg = averages(checkIns);
  const lines = [copy('insight.averages', { days: INSIGHT_DAYS, count: avg.count, mood: avg.mood.toFixed(1), energy: avg.energy.toFixed(1), stress: avg.stress.toFixed(1) })];

  const weekday = stressiestWeekday(checkIns);
  if (weekday) lines.push(copy('insight.stressWeekday', { day: copy(`insight.weekday.${weekday.day}`), stress: weekday.stress.toFixed(1), others: weekday.others.toFixed(1) }));

  const techniqueOf = new Map(app.content.nudges.map((n) => [n.id, n.technique]));
  const breathingDays = new Set((await app.store.nudges.get(person.id)).served.filter((s) => techniqueOf.get(s.nudgeId) === 'breathing').map((s) => s.localDate));
  const breathing = breathingEffect(checkIns, breathingDays);
  if (breathing) {
    const key = breathing.after < breathing.otherwise ? 'insight.breathingHelped' : 'insight.breathingNot';
    lines.push(copy(key, { pairs: breathing.pairs, after: describeChange(app, breathing.after), otherwise: describeChange(app, breathing.otherwise) }));
  }
  if (!weekday && !breathing) lines.push(copy('insight.noPattern'));

  const title = copy('insight.title');
  const close = copy('insight.private');
  const blocks: Block[] = [heading(title), ...lines.map((l) => text(l)), text(close, 'muted')];
  return { text: [title, ...lines, close].join('\n'), blocks, private: true };
}

function describeChange(app: App, change: number): string {
  const copy = app.content.copy;
  if (change === 0) return copy('insight.changeNone');
  return copy(change < 0 ? 'insight.changeDown' : 'insight.changeUp', { points: Math.abs(change).toFixed(1) });
}
