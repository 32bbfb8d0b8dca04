import type { CommandContext } from '../../core/command.js';
import { fields, heading, text, type Block } from '../../core/reply.js';
import { techniqueLabel } from './render.js';
import { isSnoozed } from './nudge-state.js';
import { helpfulTechniques } from './select.js';

type Ctx = Pick<CommandContext, 'store' | 'content' | 'person' | 'today'>;

/** The person's nudge settings as rows and blocks (title given by the caller). */
export async function nudgeStatus(ctx: Ctx, title: string): Promise<{ text: string; blocks: Block[] }> {
  const copy = ctx.content.copy;
  const state = await ctx.store.nudges.get(ctx.person.id);
  const helpful = helpfulTechniques(ctx.content.nudges, state.votes).map((t) => techniqueLabel(copy, t));
  const rows: Array<[string, string]> = [
    [
      copy('nudge.status.state'),
      state.off
        ? copy('nudge.status.offValue')
        : isSnoozed(state, ctx.today)
          ? copy('nudge.status.snoozedValue', { until: state.snoozedUntil! })
          : copy('nudge.status.on'),
    ],
    [copy('nudge.status.daily'), state.daily ?? copy('nudge.status.dailyNone')],
    [copy('nudge.status.helpful'), helpful.length ? helpful.join(', ') : copy('nudge.status.helpfulNone')],
  ];
  const howTo = copy('nudge.status.howTo');
  return {
    text: `${title}\n${rows.map(([k, v]) => `${k}: ${v}`).join('\n')}\n${howTo}`,
    blocks: [heading(title), fields(rows), text(howTo, 'muted')],
  };
}
