import { randomUUID } from 'node:crypto';
import type { CommandContext } from '../../core/command.js';
import { UsageError, UserError } from '../../core/errors.js';
import { MAX_THANKS } from '../../core/model/practice.js';
import { heading, privateReply, text, type Reply } from '../../core/reply.js';
import type { PersonArg } from '../../core/person-arg.js';
import { nameOf, resolvePersonRef } from '../people-ref.js';

export const THANKS_USAGE = '/attune thanks @name <what they did>';
export const THANKS_EXAMPLE = 'thanks @sam for taking over the angry caller when I needed a minute';

/**
 * A private thank-you: delivered to the person through the outbox, kept as the sender's own record and
 * as a bare "received" mark for the team count. No leaderboard: nobody else ever sees who or what.
 */
export async function sendThanks(ctx: CommandContext, who: PersonArg | undefined, rawText: string | undefined): Promise<Reply> {
  const copy = ctx.content.copy;
  if (!who) throw new UsageError(copy('thanks.noPerson'), THANKS_USAGE, THANKS_EXAMPLE);
  const ref = await resolvePersonRef(ctx, ctx.person.workspace, who, ctx.actor.traits);
  if (ref.id === ctx.person.id) throw new UserError(copy('thanks.self'));
  if (!ref.known) throw new UserError(copy('thanks.unknown', { name: ref.name }));
  const words = (rawText ?? '').trim().replace(/^for\s*:\s*/i, '');
  if (!words) throw new UsageError(copy('thanks.empty', { name: ref.name }), THANKS_USAGE, THANKS_EXAMPLE);
  if (words.length > MAX_THANKS) throw new UserError(copy('thanks.tooLong', { length: words.length, max: MAX_THANKS }));

  const id = ctx.idempotencyKey ? `thanks:${ctx.idempotencyKey}` : randomUUID();
  const at = ctx.now.toISOString();
  const from = await nameOf(ctx, ctx.person.id);
  const blocks = [heading(copy('thanks.receivedTitle', { name: from })), text(words, 'quote'), text(copy('thanks.receivedPrivacy'), 'muted')];
  const message = { text: `${copy('thanks.receivedTitle', { name: from })}\n> ${words}\n${copy('thanks.receivedPrivacy')}`, blocks };
  // The thank-you and its delivery are written together: a retried event records and sends it once.
  await ctx.store.transaction(async (tx) => {
    const { created } = await tx.practice.thanks.create({ id, from: ctx.person.id, to: ref.id, text: words, at, localDate: ctx.today });
    if (created) await tx.outbox.enqueue({ key: `thanks:${id}`, recipients: [ref.id], reply: message }, ctx.now);
  });
  await ctx.outbox.flush?.();
  return privateReply(copy('thanks.sent', { name: ref.name }));
}
