import type { Block } from '../../core/reply.js';
import { divider, text } from '../../core/reply.js';
import type { AfterCheckIn } from '../checkin-hooks.js';
import { nudgeBlocks } from './render.js';
import { serveNudge } from './serve.js';
import { isHardCheckIn } from './stretch.js';

/**
 * After a check-in: a nudge at once when the check-in was hard (stress 4+ or mood 2 or less),
 * unless nudges are off, snoozed or capped.
 */
export const nudgeAfterCheckIn: AfterCheckIn = async (ctx, checkIn) => {
  const blocks: Block[] = [];
  if (!isHardCheckIn(checkIn)) return blocks;
  const served = await serveNudge(ctx, ctx.person, checkIn.localDate, 'checkin');
  if (!served) return blocks;
  const copy = ctx.content.copy;
  return [...blocks, divider(), text(copy('nudge.checkin.offer')), ...nudgeBlocks(copy, served.nudge), text(copy('nudge.pausedHint'), 'muted')];
};
