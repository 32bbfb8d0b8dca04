import { randomUUID } from 'node:crypto';
import type { ReflectionPrompt } from '../../content/reflection-prompts.js';
import type { CommandContext } from '../../core/command.js';
import { UserError } from '../../core/errors.js';
import { MAX_ANSWER, type Reflection } from '../../core/model/history.js';
import { addDays } from '../../core/time.js';
import { choosePrompt } from './rotation.js';

/** How far back rotation looks to prefer prompts never served. */
const ROTATION_LOOKBACK_DAYS = 180;
const REPLACE_DRAFT = 'reflect.replace';

type Ctx = Pick<CommandContext, 'store' | 'content' | 'person' | 'today' | 'now'>;

/** Today's prompt for this person: the one already served today, or the next in rotation (recorded). */
export async function todaysPrompt(ctx: Ctx): Promise<ReflectionPrompt> {
  const { store, person, today, content } = ctx;
  // The latest serving of each prompt is all rotation needs: an index read, flat with years of history.
  const served = await store.history.latestServed(person.id, addDays(today, -ROTATION_LOOKBACK_DAYS));
  const current = served.find((s) => s.localDate === today);
  const known = current && content.reflections.find((p) => p.id === current.promptId);
  if (known) return known;
  const prompt = choosePrompt(
    content.reflections,
    served.filter((s) => s.localDate !== today),
    today,
    `${person.id}:${today}`,
  );
  await store.history.recordServed(person.id, { localDate: today, promptId: prompt.id, component: prompt.component, at: ctx.now.toISOString() });
  return prompt;
}

export function checkAnswer(ctx: Pick<CommandContext, 'content'>, answer: string | undefined): string {
  const text = (answer ?? '').trim();
  if (!text) throw new UserError(ctx.content.copy('reflect.empty'));
  if (text.length > MAX_ANSWER) throw new UserError(ctx.content.copy('reflect.tooLong', { max: MAX_ANSWER, length: text.length }));
  return text;
}

export type AnswerOutcome =
  | { kind: 'saved'; reflection: Reflection; duplicate: boolean }
  | { kind: 'confirm-replace'; existing: Reflection };

/**
 * Stores today's answer. If the person already answered today, nothing is overwritten: the new
 * answer waits as a draft until they choose to replace the first or keep it.
 */
export async function answerToday(ctx: Ctx & { idempotencyKey?: string }, answer: string): Promise<AnswerOutcome> {
  const text = checkAnswer(ctx, answer);
  const prompt = await todaysPrompt(ctx);
  const [existing] = await ctx.store.history.reflections(ctx.person.id, { from: ctx.today, to: ctx.today });
  const reflection: Reflection = {
    id: randomUUID(),
    personId: ctx.person.id,
    at: ctx.now.toISOString(),
    localDate: ctx.today,
    promptId: prompt.id,
    component: prompt.component,
    answer: text,
    ...(ctx.idempotencyKey ? { key: ctx.idempotencyKey } : {}),
  };
  if (existing) {
    if (ctx.idempotencyKey && existing.key === ctx.idempotencyKey) return { kind: 'saved', reflection: existing, duplicate: true };
    await ctx.store.drafts.set(ctx.person.id, REPLACE_DRAFT, reflection, new Date(ctx.now.getTime() + 24 * 3600_000));
    return { kind: 'confirm-replace', existing };
  }
  const { record, created } = await ctx.store.history.addReflection(reflection);
  return { kind: 'saved', reflection: record, duplicate: !created };
}

/** Resolves a pending "replace today's reflection?" question. Undefined when nothing is pending. */
export async function resolveReplace(ctx: Ctx, replace: boolean): Promise<{ replaced: boolean } | undefined> {
  const draft = await ctx.store.drafts.get<Reflection>(ctx.person.id, REPLACE_DRAFT, ctx.now);
  if (!draft) return undefined;
  await ctx.store.drafts.clear(ctx.person.id, REPLACE_DRAFT);
  if (!replace) return { replaced: false };
  await ctx.store.history.replaceReflection({ ...draft, at: ctx.now.toISOString() });
  return { replaced: true };
}
