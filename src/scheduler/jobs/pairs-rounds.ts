import type { AppContext } from '../../core/app-context.js';
import type { Job, Occurrence } from '../job.js';
import { dueSlot, eligibleMembers, ensureRound, roundIntro, slotInstant } from '../../features/mentoring/rounds.js';

/**
 * Pairing rounds on each pool's cadence. Listing who is due writes nothing: everyone eligible on the
 * round's date is in it (nobody is left out), so the list is known before the round is made. The first
 * `what` makes the round (ensureRound is idempotent) and each person gets their own intro.
 */
export const pairsRoundsJob: Job = {
  name: 'pairs-round',
  async occurrences(app: AppContext, window) {
    const out: Occurrence[] = [];
    for (const pool of await app.store.pairing.pools()) {
      const last = pool.rounds[pool.rounds.length - 1]?.slot;
      const slots = new Set([dueSlot(app, pool, window.to), last].filter((s): s is string => Boolean(s)));
      for (const slot of slots) {
        const dueAt = slotInstant(app, slot);
        if (dueAt <= window.from || dueAt > window.to) continue;
        const round = await app.store.pairing.round(pool.id, slot);
        const people = round ? round.groups.flat() : await eligibleMembers(app, pool, slot);
        if (people.length < 2) continue;
        for (const personId of people) out.push({ personId, key: `pairs-round:${pool.id}`, localDate: slot, dueAt, data: { poolId: pool.id, slot } });
      }
    }
    return out;
  },
  async what(app, occurrence) {
    const round = await ensureRound(app, occurrence.data?.poolId ?? '', occurrence.data?.slot ?? '', app.clock.now());
    return round ? roundIntro(app, round, occurrence.personId) : undefined;
  },
};
