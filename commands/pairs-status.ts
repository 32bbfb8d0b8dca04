import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import { heading, reply, text, type Block, type Reply } from '../src/core/reply.js';
import { nameOf } from '../src/features/mentoring/mentor-flow.js';
import { upcomingSlot } from '../src/features/mentoring/pools.js';
import { groupOf, pairFollowUpReply, pendingPairFollowUps, poolName, recordPairMet } from '../src/features/mentoring/rounds.js';

export default defineCommand({
  name: 'pairs status',
  description: 'Your pairing rounds: next dates, your last pairing, and whether you met',
  usage: '/attune pairs status',
  audience: 'member',
  args: z.object({}),
  async run(ctx) {
    const copy = ctx.content.copy;
    const me = ctx.person.id;
    const pools = (await ctx.store.pairing.pools(ctx.person.workspace)).filter((p) => p.members[me]);
    const lines: string[] = [];
    if (pools.length === 0) lines.push(copy('pairs.statusNone'));
    for (const pool of pools) {
      const until = pool.members[me]!.pausedUntil;
      const paused = until && until >= ctx.today ? copy('pairs.statusPaused', { until }) : '';
      lines.push(copy('pairs.statusPool', { pool: await poolName(ctx, pool), weeks: pool.cadenceWeeks, date: upcomingSlot(ctx, pool, ctx.now), paused }));
      const last = pool.rounds[pool.rounds.length - 1];
      const round = last && await ctx.store.pairing.round(pool.id, last.slot);
      const group = round && groupOf(round, me);
      if (round && group) {
        const names = (await Promise.all(group.members.filter((id) => id !== me).map((id) => nameOf(ctx, id)))).join(' and ');
        const said = round.met[me];
        const answer = said ? copy('pairs.statusAnswered', { answer: copy(said.answer === 'yes' ? 'mentor.metYes' : 'mentor.metNotYet') }) : '';
        lines.push(copy('pairs.statusLast', { date: round.slot, names, answer }));
      }
    }
    const blocks: Block[] = [heading(copy('pairs.statusTitle')), ...lines.map((l) => text(l))];
    const waiting: Reply[] = [];
    for (const r of await pendingPairFollowUps(ctx, me, ctx.now)) {
      const question = await pairFollowUpReply(ctx, r, me);
      if (question) waiting.push(question);
    }
    for (const r of waiting) blocks.push({ type: 'divider' }, ...r.blocks);
    return reply([copy('pairs.statusTitle'), ...lines, ...waiting.map((r) => r.text)].join('\n'), blocks, { private: true });
  },
  actions: {
    /** "Did you meet?" after a pairing round. */
    async met(ctx, input) {
      const outcome = await recordPairMet(ctx, ctx.person.id, input.value ?? '', ctx.now);
      if (outcome === 'unknown') throw new UserError(ctx.content.copy('pairs.metUnknown'));
      return reply(ctx.content.copy('pairs.metRecorded'), [], { private: true });
    },
  },
});
