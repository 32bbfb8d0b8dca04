import type { CommandContext } from '../../core/command.js';
import type { CheckIn } from '../../core/model/history.js';
import { text, type Block } from '../../core/reply.js';
import { addDays, WEEKDAYS, weekdayOf } from '../../core/time.js';

export const SPARK_DAYS = 30;
/** Weekday averages look further back, so each weekday has several days behind it (history loads 90). */
export const WEEKDAY_DAYS = 90;
const BARS = '▁▂▃▄▅▆▇█';
const NO_DATA = '·';

/** One character per day, oldest first: a bar for the day's mood (1-5 over eight heights), · for none. */
export function moodSparkline(checkins: readonly CheckIn[], to: string, days: number = SPARK_DAYS): string {
  const byDate = new Map(checkins.map((c) => [c.localDate, c.mood]));
  let out = '';
  for (let i = days - 1; i >= 0; i--) {
    const mood = byDate.get(addDays(to, -i));
    out += mood === undefined ? NO_DATA : BARS[Math.round(((mood - 1) * (BARS.length - 1)) / 4)];
  }
  return out;
}

/** "Mon 3.5 · Tue 4.0 · Wed - ..." over the given check-ins. */
export function weekdayAverages(checkins: readonly CheckIn[]): string {
  return WEEKDAYS.map((d) => {
    const moods = checkins.filter((c) => weekdayOf(c.localDate) === d).map((c) => c.mood);
    const label = d[0]!.toUpperCase() + d.slice(1);
    return `${label} ${moods.length ? (moods.reduce((a, b) => a + b, 0) / moods.length).toFixed(1) : '-'}`;
  }).join(' · ');
}

/**
 * The `history` section for check-ins: the person's own mood over 30 days as a sparkline and their
 * average mood by weekday. History only ever passes the asking person's own check-ins.
 */
export function checkInHistorySection(ctx: CommandContext, data: { checkins: CheckIn[] }): Block[] {
  const copy = ctx.content.copy;
  const own = data.checkins.filter((c) => c.personId === ctx.person.id);
  const from = addDays(ctx.today, -(SPARK_DAYS - 1));
  const recent = own.filter((c) => c.localDate >= from && c.localDate <= ctx.today);
  if (recent.length === 0) return [text(copy('checkin.historyTitle'), 'heading'), text(copy('checkin.historyNone', { days: SPARK_DAYS }))];
  const average = (recent.reduce((a, c) => a + c.mood, 0) / recent.length).toFixed(1);
  const weekdayFrom = addDays(ctx.today, -(WEEKDAY_DAYS - 1));
  const forWeekdays = own.filter((c) => c.localDate >= weekdayFrom && c.localDate <= ctx.today);
  return [
    text(copy('checkin.historyTitle'), 'heading'),
    text(`${copy('checkin.historySpark', { days: SPARK_DAYS, from, to: ctx.today })}\n${moodSparkline(recent, ctx.today)}`),
    text(copy('checkin.historyCount', { count: recent.length, days: SPARK_DAYS, average })),
    text(copy('checkin.historyWeekdays', { days: WEEKDAY_DAYS, line: weekdayAverages(forWeekdays) })),
  ];
}

