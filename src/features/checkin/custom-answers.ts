import type { CommandContext } from '../../core/command.js';
import type { CheckIn } from '../../core/model/history.js';
import { LIMITS } from '../../core/reply.js';
import type { LocalDate } from '../../core/time.js';
import { MAX_TEXT_ANSWER, questionsFor, type AskedQuestion } from '../teams/questions.js';

const DRAFT = 'checkin.custom';
const DRAFT_HOURS = 24;

type Ctx = Pick<CommandContext, 'store' | 'content' | 'person' | 'now'>;

/** Which team questions are still to ask after a check-in, in order; a form asks at most LIMITS.formFields. */
interface PendingQuestions {
  localDate: LocalDate;
  remaining: string[];
}

/**
 * After a check-in is stored: remembers the person's team questions to ask and returns the first
 * page of them (none when their teams have no questions).
 */
export async function startCustomQuestions(ctx: Ctx, checkIn: CheckIn): Promise<AskedQuestion[]> {
  const questions = await questionsFor(ctx.store, ctx.person.workspace, ctx.person.id);
  if (questions.length === 0) {
    await ctx.store.drafts.clear(ctx.person.id, DRAFT);
    return [];
  }
  const pending: PendingQuestions = { localDate: checkIn.localDate, remaining: questions.map((q) => q.id) };
  await ctx.store.drafts.set(ctx.person.id, DRAFT, pending, new Date(ctx.now.getTime() + DRAFT_HOURS * 3600_000));
  return questions.slice(0, LIMITS.formFields);
}

export type CustomOutcome =
  | { kind: 'expired' }
  /** An answer was out of range or too long: nothing stored, the same questions are asked again. */
  | { kind: 'invalid'; message: string; questions: AskedQuestion[] }
  | { kind: 'saved'; answered: number; next: AskedQuestion[] };

/**
 * Stores the answers to the page of team questions asked last. Scale answers are 1-5, text answers at
 * most 200 characters; a skipped question stays unanswered. Returns the next page, if any.
 */
export async function answerCustomQuestions(ctx: Ctx, values: Record<string, string>): Promise<CustomOutcome> {
  const pending = await ctx.store.drafts.get<PendingQuestions>(ctx.person.id, DRAFT, ctx.now);
  if (!pending) return { kind: 'expired' };
  const [checkIn] = await ctx.store.history.checkIns(ctx.person.id, { from: pending.localDate, to: pending.localDate });
  if (!checkIn) {
    await ctx.store.drafts.clear(ctx.person.id, DRAFT);
    return { kind: 'expired' };
  }
  // Questions removed since the form was sent are dropped; their answers are not kept.
  const known = new Map((await questionsFor(ctx.store, ctx.person.workspace, ctx.person.id)).map((q) => [q.id, q]));
  const remaining = pending.remaining.filter((id) => known.has(id));
  const page = remaining.slice(0, LIMITS.formFields).map((id) => known.get(id)!);
  const answers: Record<string, number | string> = {};
  for (const q of page) {
    const raw = (values[q.id] ?? '').trim();
    if (!raw) continue;
    if (q.kind === 'scale') {
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 1 || n > 5) return { kind: 'invalid', message: ctx.content.copy('checkin.customBadScale', { question: q.text, value: raw }), questions: page };
      answers[q.id] = n;
    } else {
      if (raw.length > MAX_TEXT_ANSWER) {
        return { kind: 'invalid', message: ctx.content.copy('checkin.customTooLong', { question: q.text, length: raw.length, max: MAX_TEXT_ANSWER }), questions: page };
      }
      answers[q.id] = raw;
    }
  }
  if (Object.keys(answers).length) await ctx.store.history.replaceCheckIn({ ...checkIn, custom: { ...checkIn.custom, ...answers } });
  const rest = remaining.slice(page.length);
  if (rest.length) {
    await ctx.store.drafts.set(ctx.person.id, DRAFT, { ...pending, remaining: rest }, new Date(ctx.now.getTime() + DRAFT_HOURS * 3600_000));
  } else {
    await ctx.store.drafts.clear(ctx.person.id, DRAFT);
  }
  return { kind: 'saved', answered: Object.keys(answers).length, next: rest.slice(0, LIMITS.formFields).map((id) => known.get(id)!) };
}
