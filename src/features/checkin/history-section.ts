import type { CommandContext } from '../../core/command.js';
import type { CheckIn } from '../../core/model/history.js';
import { text, type Block } from '../../core/reply.js';
import { addDays, WEEKDAYS, weekdayOf } from '../../core/time.js';

export const SPARK_DAYS = 30;
/** Weekday averages look further back, so each weekday has several days behind it (history loads 90). */
export const WEEKDAY_DAYS = 90;
const BARS = '▁▂▃▄▅▆▇█';
const NO_DATA = '·';

type Scale = 'mood' | 'energy' | 'stress';

/** One character per day, oldest first: a bar for the day's mood (1-5 over eight heights), · for none. */
export function moodSparkline(checkins: readonly CheckIn[], to: string, days: number = SPARK_DAYS): string {
  return scaleSparkline(checkins, 'mood', to, days);
}

/** The same line for any of the three scales. */
export function scaleSparkline(checkins: readonly CheckIn[], scale: Scale, to: string, days: number = SPARK_DAYS): string {
  const byDate = new Map(checkins.map((c) => [c.localDate, c[scale]]));
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

const average = (cs: readonly CheckIn[], scale: Scale): number | undefined => (cs.length ? cs.reduce((a, c) => a + c[scale], 0) / cs.length : undefined);

/** "mood up 0.4, energy steady, stress down 0.6": the last 30 days against the 30 before (when both have check-ins). */
function trendLine(ctx: CommandContext, recent: readonly CheckIn[], before: readonly CheckIn[]): string | undefined {
  if (before.length === 0) return undefined;
  const copy = ctx.content.copy;
  const parts = (['mood', 'energy', 'stress'] as const).map((s) => {
    const change = Math.round((average(recent, s)! - average(before, s)!) * 10) / 10;
    const name = ctx.content.checkin[s].label.toLowerCase();
    if (change === 0) return copy('checkin.historyTrendSame', { scale: name });
    return copy(change > 0 ? 'checkin.historyTrendUp' : 'checkin.historyTrendDown', { scale: name, change: Math.abs(change).toFixed(1) });
  });
  return copy('checkin.historyTrend', { days: SPARK_DAYS, list: parts.join(', ') });
}

/**
 * The `history` section for check-ins: the person's own mood, energy and stress over 30 days as
 * sparklines, how they moved against the 30 days before, and average mood by weekday. History only
 * ever passes the asking person's own check-ins.
 */
export function checkInHistorySection(ctx: CommandContext, data: { checkins: CheckIn[] }): Block[] {
  const copy = ctx.content.copy;
  const own = data.checkins.filter((c) => c.personId === ctx.person.id);
  const from = addDays(ctx.today, -(SPARK_DAYS - 1));
  const recent = own.filter((c) => c.localDate >= from && c.localDate <= ctx.today);
  if (recent.length === 0) return [text(copy('checkin.historyTitle'), 'heading'), text(copy('checkin.historyNone', { days: SPARK_DAYS }))];
  const weekdayFrom = addDays(ctx.today, -(WEEKDAY_DAYS - 1));
  const forWeekdays = own.filter((c) => c.localDate >= weekdayFrom && c.localDate <= ctx.today);
  const beforeFrom = addDays(from, -SPARK_DAYS);
  const before = own.filter((c) => c.localDate >= beforeFrom && c.localDate < from);
  const other = (scale: 'energy' | 'stress') =>
    text(`${copy('checkin.historyScaleSpark', { scale: ctx.content.checkin[scale].label, days: SPARK_DAYS, average: average(recent, scale)!.toFixed(1) })}\n${scaleSparkline(recent, scale, ctx.today)}`);
  const trend = trendLine(ctx, recent, before);
  return [
    text(copy('checkin.historyTitle'), 'heading'),
    text(`${copy('checkin.historySpark', { days: SPARK_DAYS, from, to: ctx.today })}\n${moodSparkline(recent, ctx.today)}`),
    text(copy('checkin.historyCount', { count: recent.length, days: SPARK_DAYS, average: average(recent, 'mood')!.toFixed(1) })),
    text(copy('checkin.historyWeekdays', { days: WEEKDAY_DAYS, line: weekdayAverages(forWeekdays) })),
    other('energy'),
    other('stress'),
    ...(trend ? [text(trend)] : []),
  ];
}

