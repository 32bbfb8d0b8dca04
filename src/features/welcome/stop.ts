import type { CommandContext } from '../../core/command.js';
import type { Person } from '../../core/model/person.js';
import { stopOffering } from '../mentoring/mentor-flow.js';

type Ctx = Pick<CommandContext, 'store' | 'person' | 'now' | 'clock' | 'content' | 'config' | 'log' | 'outbox' | 'random' | 'files'>;

/**
 * Opts the person out of everything Attune starts: scheduled prompts, reminders, nudges, digests,
 * follow-ups, welcomes, pairing rounds and mentoring offers. Their data stays until they delete it.
 */
export async function stopEverything(ctx: Ctx): Promise<{ already: boolean; leftPools: number }> {
  if (ctx.person.stoppedAt) return { already: true, leftPools: 0 };
  const id = ctx.person.id;
  const stoppedAt = ctx.now.toISOString();
  const leftPools = await ctx.store.transaction(async (tx) => {
    await tx.people.update(id, (p) => (p.stoppedAt ? p : { ...p, stoppedAt }));
    let n = 0;
    for (const pool of await tx.pairing.pools(ctx.person.workspace)) {
      if (!pool.members[id]) continue;
      await tx.pairing.updatePool(pool.id, (p) => {
        const members = { ...p.members };
        delete members[id];
        return { ...p, members };
      });
      n++;
    }
    return n;
  });
  if (await ctx.store.mentoring.profiles.get(id)) await stopOffering(ctx, ctx.person, ctx.now);
  return { already: false, leftPools };
}

/** Whether Attune may start a conversation with this person (welcomes, scheduled messages). */
export function reachable(person: Person): boolean {
  return !person.stoppedAt;
}
