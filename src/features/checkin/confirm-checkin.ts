import type { CommandContext } from '../../core/command.js';
import type { CheckIn } from '../../core/model/history.js';
import { divider, privateReply, text, type Block, type Reply } from '../../core/reply.js';
import { afterCheckInHooks, firstAfterCheckIn } from '../checkin-hooks.js';
import { feelingPickerBlocks } from '../feelings/feeling-replies.js';
import { customQuestionsBlocks, describeScores, noteLine } from './checkin-replies.js';
import { startCustomQuestions } from './custom-answers.js';

/**
 * The reply to a stored check-in: what was saved and who can read the note, the first page of team
 * questions (if the person's teams have any), whatever the after-check-in hooks add, and the optional
 * feeling word. When a
 * first hook speaks (the support message), it comes first and alone.
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
  // The optional feeling word closes every confirmation, a retried one too, so a retry reads the same.
  // One question at a time: next to team questions or an exercise, a line after the saved one says
  // how to name it later instead.
  const saidFirst = blocks.length;
  const withFeeling = (): Reply => {
    const interactive = blocks.some((b) => b.type === 'form' || b.type === 'choice' || b.type === 'scale');
    if (interactive) {
      const later = copy('feeling.later');
      blocks.splice(saidFirst, 0, text(later, 'muted'));
      lines.splice(saidFirst, 0, later);
    } else {
      const picker = feelingPickerBlocks(ctx, checkIn);
      blocks.push(...picker);
      lines.push(...picker.flatMap((b) => (b.type === 'text' ? [b.text] : [])));
    }
    return privateReply(lines.join('\n'), blocks);
  };
  if (opts.duplicate) return withFeeling();

  for (const hook of firstAfterCheckIn) {
    const first: Block[] = await Promise.resolve()
      .then(() => hook(ctx, checkIn))
      .catch((err: unknown) => {
        // Logged without the check-in: the support path must never leave a trace of who it was for.
        ctx.log.error({ err: { name: (err as Error).name } }, 'a first after-check-in hook failed');
        return [];
      });
    if (first.length) {
      const texts = first.flatMap((b) => (b.type === 'text' ? [b.text] : []));
      return privateReply([...texts, ...lines].join('\n'), [...first, divider(), ...lines.map((l) => text(l, 'muted'))]);
    }
  }

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
  return withFeeling();
}
