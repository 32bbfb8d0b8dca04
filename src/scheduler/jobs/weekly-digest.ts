import { DateTime } from 'luxon';
import { leadsTeam } from '../../core/access.js';
import type { AppContext } from '../../core/app-context.js';
import { WEEKDAYS, addDays, type LocalDate } from '../../core/time.js';
import { effectiveTimeZone } from '../../features/people.js';
import { buildDigest } from '../../features/digest/build-digest.js';
import type { Job, Occurrence } from '../job.js';

export const WEEKLY_DIGEST = 'weekly-digest';

/** The ledger key: one digest per lead, team and local date. */
export const weeklyDigestKey = (teamId: string) => `${WEEKLY_DIGEST}:${teamId}`;

/**
 * Each lead of each team gets the team's digest on the team's digest day and time (default Monday
 * 09:00), in the lead's own time zone.
 */
export const weeklyDigestJob: Job = {
  name: WEEKLY_DIGEST,
  async occurrences(app, window) {
    const out: Occurrence[] = [];
    for (const team of await app.store.teams.list()) {
      const weekday = WEEKDAYS.indexOf(team.digestDay) + 1;
      for (const leadId of team.leads) {
        const lead = await app.store.people.get(leadId);
        if (!lead || !leadsTeam(lead, team)) continue;
        const zone = effectiveTimeZone(app, lead);
        // Every local date the window touches in the lead's zone, with a day's margin either side.
        const first = DateTime.fromJSDate(window.from, { zone }).toISODate() as LocalDate;
        const last = DateTime.fromJSDate(window.to, { zone }).toISODate() as LocalDate;
        for (let date = addDays(first, -1); date <= addDays(last, 1); date = addDays(date, 1)) {
          if (DateTime.fromISO(date, { zone: 'utc' }).weekday !== weekday) continue;
          // A time that falls in a spring-forward gap moves to the first valid minute after it.
          const due = DateTime.fromISO(`${date}T${team.digestTime}`, { zone });
          if (!due.isValid) continue;
          const dueAt = due.toJSDate();
          if (dueAt > window.from && dueAt <= window.to) {
            out.push({ personId: leadId, key: weeklyDigestKey(team.id), localDate: date, dueAt, data: { teamId: team.id } });
          }
        }
      }
    }
    return out;
  },
  async what(app: AppContext, occ) {
    const team = occ.data?.teamId ? (await app.store.teams.get(occ.data.teamId)) : undefined;
    const lead = await app.store.people.get(occ.personId);
    // Someone who stopped leading the team (or a removed team) gets nothing.
    if (!team || !lead || !leadsTeam(lead, team)) return undefined;
    return buildDigest(app, lead, team, occ.localDate);
  },
};
