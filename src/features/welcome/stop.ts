import type { CommandContext } from '../../core/command.js';
import type { Person } from '../../core/model/person.js';
import { stopOffering } from '../mentoring/mentor-flow.js';

type Ctx = Pick<CommandContext, 'store' | 'person' | 'now' | 'clock' | 'content' | 'config' | 'log' | 'outbox'>;

/**
 * Opts the person out of everything Attune starts: scheduled prompts, reminders, nudges, digests,
 * follow-ups, welcomes, pairing rounds and mentoring offers. Their data stays until they delete it.
 */
export async function stopEverything(ctx: Ctx): Promise<{ already: boolean; leftPools: number }> {
  if (ctx.person.stoppedAt) return { already: true, leftPools: 0 };
  await ctx.store.savePerson({ ...ctx.person, stoppedAt: ctx.now.toISOString() });
  const leftPools = await ctx.store.updateMentoring((m) => {
    let n = 0;
    for (const pool of Object.values(m.pools)) {
      if (pool.members[ctx.person.id]) {
        delete pool.members[ctx.person.id];
        n++;
      }
    }
    return n;
  });
  if (ctx.store.mentoring().profiles[ctx.person.id]) await stopOffering(ctx, ctx.person, ctx.now);
  return { already: false, leftPools };
}

/** Whether Attune may start a conversation with this person (welcomes, scheduled messages). */
export function reachable(person: Person): boolean {
  return !person.stoppedAt;
}
