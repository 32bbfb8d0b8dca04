import type { AppContext } from '../../core/app-context.js';
import { localDate } from '../../core/time.js';
import { effectiveTimeZone } from '../../features/people.js';
import { FOLLOW_UP_DAYS } from '../../features/mentoring/mentor-flow.js';
import { mentorFollowUpReply } from '../../features/mentoring/follow-up.js';
import { pairFollowUpReply, slotInstant } from '../../features/mentoring/rounds.js';
import type { Job, Occurrence } from '../job.js';

const WEEK = FOLLOW_UP_DAYS * 86_400_000;

/** Seven days after a mentoring match starts, each of the two is asked whether they met (yes / not yet / end). */
export const mentorFollowUpJob: Job = {
  name: 'mentor-follow-up',
  async occurrences(app: AppContext, window) {
    const out: Occurrence[] = [];
    for (const match of await app.store.mentoring.matches.list({ status: 'active' })) {
      const dueAt = new Date(new Date(match.startedAt).getTime() + WEEK);
      if (dueAt <= window.from || dueAt > window.to) continue;
      for (const personId of [match.menteeId, match.mentorId]) {
        const person = await app.store.people.get(personId);
        if (!person || match.followUps[personId]) continue;
        out.push({ personId, key: `mentor-follow-up:${match.id}`, localDate: localDate(dueAt, effectiveTimeZone(app, person)), dueAt, data: { matchId: match.id } });
      }
    }
    return out;
  },
  async what(app, occurrence) {
    const match = await app.store.mentoring.matches.get(occurrence.data?.matchId ?? '');
    if (!match || match.status !== 'active' || match.followUps[occurrence.personId]) return undefined;
    return mentorFollowUpReply(app, match, occurrence.personId);
  },
};

/** Seven days after a pairing round, everyone in it is asked whether they met. */
export const pairsFollowUpJob: Job = {
  name: 'pairs-follow-up',
  async occurrences(app: AppContext, window) {
    const out: Occurrence[] = [];
    for (const pool of await app.store.pairing.pools()) {
      for (const entry of pool.rounds) {
        const dueAt = new Date(slotInstant(app, entry.slot).getTime() + WEEK);
        if (dueAt <= window.from || dueAt > window.to) continue;
        const round = await app.store.pairing.round(pool.id, entry.slot);
        for (const group of round?.groups ?? []) {
          for (const personId of group) {
            const person = await app.store.people.get(personId);
            if (!person || round!.met[personId]) continue;
            out.push({ personId, key: `pairs-follow-up:${pool.id}`, localDate: localDate(dueAt, effectiveTimeZone(app, person)), dueAt, data: { poolId: pool.id, slot: entry.slot } });
          }
        }
      }
    }
    return out;
  },
  async what(app, occurrence) {
    const round = await app.store.pairing.round(occurrence.data?.poolId ?? '', occurrence.data?.slot ?? '');
    return round ? pairFollowUpReply(app, round, occurrence.personId) : undefined;
  },
};
