import type { Feeling } from '../../content/feelings.js';
import type { CommandContext } from '../../core/command.js';
import { UsageError } from '../../core/errors.js';
import type { CheckIn } from '../../core/model/history.js';
import { divider, privateReply, text, type Block, type Reply } from '../../core/reply.js';
import { todaysCheckIn } from '../checkin/checkins.js';
import { nudgeBlocks, nudgeText } from '../nudges/render.js';
import { NO_GRATITUDE_AT_MOOD } from '../nudges/select.js';
import { serveNudge } from '../nudges/serve.js';
import { DEFINE_VALUE, definitionsReply, feelingLine, feelingPicker } from './feeling-replies.js';
import { findFeeling, quadrantOf, wordsIn } from './quadrant.js';

export const FEELING_USAGE = '/attune feeling [word | words]';
const EXAMPLE = 'feeling frustrated';

async function checkInFirst(ctx: CommandContext): Promise<CheckIn> {
  const today = await todaysCheckIn(ctx);
  if (!today) throw new UsageError(ctx.content.copy('feeling.noCheckIn'), FEELING_USAGE, 'checkin 3 2 4');
  return today;
}

/** `feeling`: the picker for today's check-in. */
export async function feelingPrompt(ctx: CommandContext): Promise<Reply> {
  const today = await checkInFirst(ctx);
  const intro = ctx.content.copy('feeling.invite');
  return privateReply(intro, [text(intro), feelingPicker(ctx, today)]);
}

/** `feeling words` or the picker's last option: the meanings of today's words. */
export async function feelingDefinitions(ctx: CommandContext): Promise<Reply> {
  const today = await checkInFirst(ctx);
  return definitionsReply(ctx, quadrantOf(today), today);
}

/**
 * Names the feeling of today's check-in (a later tap replaces the word). When the word calls for a
 * kind of exercise (frustrated: a reframe), one is offered, unless nudges are off or snoozed, one of
 * that kind was already offered today, or one was already offered for a feeling today.
 */
export async function nameFeeling(ctx: CommandContext, typed: string): Promise<Reply> {
  if (typed.trim().toLowerCase() === DEFINE_VALUE || typed.trim().toLowerCase() === 'words') return feelingDefinitions(ctx);
  const today = await checkInFirst(ctx);
  const feeling = findFeeling(ctx.content.feelings, typed);
  if (!feeling) {
    const words = wordsIn(ctx.content.feelings, quadrantOf(today)).map((w) => w.word.toLowerCase());
    throw new UsageError(ctx.content.copy('feeling.unknown', { typed: typed.trim().slice(0, 40), words: words.join(', ') }), FEELING_USAGE, EXAMPLE);
  }
  await ctx.store.history.replaceCheckIn({ ...today, feeling: feeling.id });
  const line = feelingLine(ctx, feeling);
  const lines = [line];
  const blocks: Block[] = [text(line)];
  const offer = await offerFor(ctx, feeling, today);
  if (offer) {
    lines.push(offer.intro, nudgeText(ctx.content.copy, offer.served.nudge));
    blocks.push(divider(), text(offer.intro), ...nudgeBlocks(ctx.content.copy, offer.served.nudge));
  }
  return privateReply(lines.join('\n'), blocks);
}

async function offerFor(ctx: CommandContext, feeling: Feeling, checkIn: CheckIn) {
  if (!feeling.nudge) return undefined;
  // "Grateful" on a low day is noted, but no gratitude exercise is offered then.
  if (feeling.nudge === 'gratitude' && checkIn.mood <= NO_GRATITUDE_AT_MOOD) return undefined;
  const state = await ctx.store.nudges.get(ctx.person.id);
  const techniqueOf = new Map(ctx.content.nudges.map((n) => [n.id, n.technique]));
  const todays = state.served.filter((s) => s.localDate === ctx.today);
  if (todays.some((s) => s.source === 'feeling' || techniqueOf.get(s.nudgeId) === feeling.nudge)) return undefined;
  const served = await serveNudge(ctx, ctx.person, ctx.today, 'feeling');
  if (!served) return undefined;
  return { served, intro: ctx.content.copy('feeling.nudgeOffer', { word: feeling.word.toLowerCase() }) };
}
