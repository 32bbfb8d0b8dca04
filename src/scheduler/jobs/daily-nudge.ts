import { DateTime } from 'luxon';
import { reply, text } from '../../core/reply.js';
import { addDays, localDate, weekdayOf } from '../../core/time.js';
import { effectiveTimeZone } from '../../features/people.js';
import { isSnoozed } from '../../features/nudges/nudge-state.js';
import { nudgeBlocks, nudgeText } from '../../features/nudges/render.js';
import { serveNudge } from '../../features/nudges/serve.js';
import type { Job, Occurrence } from '../job.js';

export const DAILY_NUDGE_JOB = 'nudge-daily';

/** A window longer than this (a long outage) is not walked day by day: older days are past catching up. */
const MAX_WINDOW_DAYS = 7;

/**
 * The opt-in daily nudge (`nudge daily 08:30`): due at that local time on the person's working days,
 * unless nudges are off or snoozed that day. At send time the caps are checked again and a nudge
 * that fits the latest check-in is chosen; nothing is sent when a cap is reached.
 */
export const dailyNudgeJob: Job = {
  name: DAILY_NUDGE_JOB,
  async occurrences(app, window) {
    const out: Occurrence[] = [];
    for (const person of await app.store.people.list()) {
      const state = await app.store.nudges.get(person.id);
      if (!state.daily || state.off) continue;
      const tz = effectiveTimeZone(app, person);
      const last = localDate(window.to, tz);
      let day = localDate(window.from, tz);
      if (addDays(day, MAX_WINDOW_DAYS) < last) day = addDays(last, -MAX_WINDOW_DAYS);
      for (; day <= last; day = addDays(day, 1)) {
        if (!person.workingDays.includes(weekdayOf(day)) || isSnoozed(state, day)) continue;
        const due = DateTime.fromISO(`${day}T${state.daily}`, { zone: tz }).toJSDate();
        if (due > window.from && due <= window.to) out.push({ personId: person.id, key: DAILY_NUDGE_JOB, localDate: day, dueAt: due });
      }
    }
    return out;
  },
  async what(app, occurrence) {
    const person = await app.store.people.get(occurrence.personId);
    if (!person) return undefined;
    const served = await serveNudge(app, person, occurrence.localDate, 'daily');
    if (!served) return undefined;
    const copy = app.content.copy;
    const intro = copy('nudge.daily.intro');
    return reply(`${intro}\n${nudgeText(copy, served.nudge)}`, [text(intro), ...nudgeBlocks(copy, served.nudge), text(copy('nudge.pausedHint'), 'muted')]);
  },
};
