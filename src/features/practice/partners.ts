import type { AppContext } from '../../core/app-context.js';
import { groupOf } from '../mentoring/rounds.js';

/**
 * Whether two people may practise together: an active mentor match between them, or the same group
 * in the latest round of a pairing pool. Role-play asks for trust, so strangers can't be invited.
 */
export async function arePartners(app: Pick<AppContext, 'store'>, a: string, b: string): Promise<boolean> {
  const pair = (x: string, y: string) => (x === a && y === b) || (x === b && y === a);
  const matches = await app.store.mentoring.matches.list({ status: 'active' });
  if (matches.some((match) => pair(match.mentorId, match.menteeId))) return true;
  for (const pool of await app.store.pairing.pools()) {
    const latest = pool.rounds.at(-1);
    if (!latest) continue;
    const round = await app.store.pairing.round(pool.id, latest.slot);
    if (round && groupOf(round, a)?.members.includes(b)) return true;
  }
  return false;
}
