import { text } from '../../core/reply.js';
import type { HistorySection } from '../history-sections.js';
import { techniqueLabel } from './render.js';
import { helpfulTechniques } from './select.js';

/** A line in `history`: recent nudges and the techniques the person found helpful. Only their own. */
export const nudgeHistorySection: HistorySection = async (ctx) => {
  const state = await ctx.store.nudges.get(ctx.person.id);
  if (state.served.length === 0) return [];
  const copy = ctx.content.copy;
  const helpful = helpfulTechniques(ctx.content.nudges, state.votes).map((t) => techniqueLabel(copy, t));
  const requested = state.served.filter((s) => s.source === 'requested').length;
  const line = copy('nudge.history.line', { count: state.served.length, requested });
  return [text(helpful.length ? `${line} ${copy('nudge.history.helpful', { techniques: helpful.join(', ') })}` : line)];
};
