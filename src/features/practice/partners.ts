import type { AppContext } from '../../core/app-context.js';
import { groupOf } from '../mentoring/rounds.js';

/**
 * Whether two people may practise together: an active mentor match between them, or the same group
 * in the latest round of a pairing pool. Role-play asks for trust, so strangers can't be invited.
 */
export async function arePartners(app: Pick<AppContext, 'store'>, a: string, b: string): Promise<boolean> {
  const m = app.store.mentoring();
  const pair = (x: string, y: string) => (x === a && y === b) || (x === b && y === a);
  if (Object.values(m.matches).some((match) => match.status === 'active' && pair(match.mentorId, match.menteeId))) return true;
  for (const pool of Object.values(m.pools)) {
    const latest = pool.rounds.at(-1);
    if (!latest) continue;
    const round = await app.store.pairRound(pool.id, latest.slot);
    if (round && groupOf(round, a)?.members.includes(b)) return true;
  }
  return false;
}
