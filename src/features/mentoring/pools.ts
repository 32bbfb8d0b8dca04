import type { AppContext } from '../../core/app-context.js';
import { UserError } from '../../core/errors.js';
import type { PairPool } from '../../core/model/mentoring.js';
import type { Person } from '../../core/model/person.js';
import { isCurrentMember, teamId, teamSlug } from '../../core/model/team.js';
import { addDays, type LocalDate } from '../../core/time.js';
import { newPool, nextSlot, slotInstant } from './rounds.js';

/** Which pool a command means: the workspace's, or a team's by slug or name. */
export async function poolFor(app: AppContext, person: Person, team: string | undefined, opts: { mustBeMember: boolean }): Promise<{ id: string; teamId?: string }> {
  if (!team) return { id: person.workspace };
  const id = teamId(person.workspace, teamSlug(team));
  const found = await app.store.teams.get(id);
  if (!found) throw new UserError(app.content.copy('pairs.noTeam', { team }));
  if (opts.mustBeMember && !isCurrentMember(found, person.id)) throw new UserError(app.content.copy('pairs.notMember', { team: found.name }));
  return { id, teamId: id };
}

/** The pool as stored, or a new one (not yet stored) with the default cadence. */
export async function poolOrNew(app: AppContext, ref: { id: string; teamId?: string }, workspace: string, today: LocalDate): Promise<PairPool> {
  return (await app.store.pairing.pool(ref.id)) ?? newPool(ref.id, workspace, ref.teamId, today);
}

/** The date of the pool's next round as people see it: never in the past. */
export function upcomingSlot(app: AppContext, pool: PairPool, now: Date): LocalDate {
  let slot = nextSlot(pool);
  while (slotInstant(app, slot) <= now) slot = addDays(slot, pool.cadenceWeeks * 7);
  return slot;
}
