import type { CommandContext } from '../../core/command.js';
import { UserError } from '../../core/errors.js';
import { MAX_PRACTICE_ANSWER } from '../../core/model/practice.js';
import type { Reply } from '../../core/reply.js';
import { feedbackReply, soloCardReply } from './card-view.js';
import { pickCard, type CardFilters } from './pick-card.js';
import { addSession, newSession, practiceRandom, recentCards } from './sessions.js';

/** The card waiting for the person's answer; a draft, so it is in their export and erased with them. */
const DRAFT = 'practice';
const DRAFT_HOURS = 24;

interface PendingCard {
  cardId: string;
}

/** Solo practice: picks a card the person has not done lately and asks for their first reply. */
export async function startSolo(ctx: CommandContext, filters: CardFilters): Promise<Reply> {
  const card = pickCard(ctx.content.practice, filters, await recentCards(ctx, ctx.person.id), practiceRandom(ctx.person.id, ctx.now));
  if (!card) throw new UserError(ctx.content.copy('practice.noCards'));
  await ctx.store.drafts.set(ctx.person.id, DRAFT, { cardId: card.id } satisfies PendingCard, new Date(ctx.now.getTime() + DRAFT_HOURS * 3600_000));
  return soloCardReply(ctx.content, card);
}

/** Saves the person's first reply (for them only) and shows what skilled responders do. */
export async function answerSolo(ctx: CommandContext, raw: string): Promise<Reply> {
  const copy = ctx.content.copy;
  const pending = await ctx.store.drafts.get<PendingCard>(ctx.person.id, DRAFT, ctx.now);
  const card = pending && ctx.content.practice.cards.find((c) => c.id === pending.cardId);
  if (!card) throw new UserError(copy('practice.nothingPending'));
  const answer = raw.trim();
  if (!answer) throw new UserError(copy('practice.answerEmpty'));
  if (answer.length > MAX_PRACTICE_ANSWER) throw new UserError(copy('practice.answerTooLong', { length: answer.length, max: MAX_PRACTICE_ANSWER }));
  const session = newSession(card, 'solo', ctx.now, ctx.today, { answer, ...(ctx.idempotencyKey ? { id: `solo:${ctx.idempotencyKey}` } : {}) });
  await addSession(ctx.store.practice, ctx.person.id, session);
  await ctx.store.drafts.clear(ctx.person.id, DRAFT);
  return feedbackReply(ctx.content, card, answer);
}
