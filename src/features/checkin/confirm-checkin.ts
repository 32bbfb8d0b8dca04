import type { CommandContext } from '../../core/command.js';
import type { CheckIn } from '../../core/model/history.js';
import { privateReply, text, type Block, type Reply } from '../../core/reply.js';
import { afterCheckInHooks } from '../checkin-hooks.js';
import { customQuestionsBlocks, describeScores, noteLine } from './checkin-replies.js';
import { startCustomQuestions } from './custom-answers.js';

/**
 * The reply to a stored check-in: what was saved and who can read the note, the first page of team
 * questions (if the person's teams have any), then whatever the after-check-in hooks add.
 * A retried request gets the same confirmation without running the hooks or questions again.
 */
export async function confirmCheckIn(ctx: CommandContext, checkIn: CheckIn, opts: { duplicate: boolean; replaced?: boolean }): Promise<Reply> {
  const copy = ctx.content.copy;
  const saved = copy(opts.replaced ? 'checkin.replaced' : 'checkin.saved', { scores: describeScores(ctx, checkIn) });
  // The leads fixed when the note was shared are exactly who may read it.
  const hasLead = (checkIn.sharedWith ?? []).length > 0;
  const note = noteLine(ctx, checkIn, hasLead);
  const lines = [saved, ...(note ? [note] : [])];
  const blocks: Block[] = lines.map((l) => text(l));
  if (opts.duplicate) return privateReply(lines.join('\n'), blocks);

  const questions = await startCustomQuestions(ctx, checkIn);
  if (questions.length) {
    const custom = customQuestionsBlocks(ctx, questions, copy('checkin.customLead', { count: questions.length }));
    blocks.push(...custom);
    lines.push(copy('checkin.customLead', { count: questions.length }));
  }
  for (const hook of afterCheckInHooks) {
    try {
      const extra = await hook(ctx, checkIn);
      blocks.push(...extra);
      lines.push(...extra.flatMap((b) => (b.type === 'text' ? [b.text] : [])));
    } catch (err) {
      // The check-in is stored; a failing extra must not make the person think it was lost.
      ctx.log.error({ err }, 'an after-check-in hook failed');
    }
  }
  return privateReply(lines.join('\n'), blocks);
}
