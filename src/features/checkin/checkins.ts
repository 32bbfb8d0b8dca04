import { randomUUID } from 'node:crypto';
import type { CommandContext } from '../../core/command.js';
import { UserError } from '../../core/errors.js';
import { MAX_NOTE, type CheckIn } from '../../core/model/history.js';
import { currentTeamsOf } from '../teams/membership.js';

const REPLACE_DRAFT = 'checkin.replace';
const DRAFT_HOURS = 24;

type Ctx = Pick<CommandContext, 'store' | 'content' | 'person' | 'today' | 'now'> & { idempotencyKey?: string };

/** What a person answered, checked: three scores 1-5, an optional note and whether to share it. */
export interface CheckInAnswer {
  mood: number;
  energy: number;
  stress: number;
  note?: string;
  shareNote: boolean;
}

/** The note as it will be stored: trimmed, undefined when empty; over 1,000 characters is refused. */
export function checkNote(ctx: Pick<CommandContext, 'content'>, note: string | undefined): string | undefined {
  const text = (note ?? '').trim();
  if (!text) return undefined;
  if (text.length > MAX_NOTE) throw new UserError(ctx.content.copy('checkin.noteTooLong', { length: text.length, max: MAX_NOTE }));
  return text;
}

export type CheckInOutcome =
  | { kind: 'saved'; checkIn: CheckIn; duplicate: boolean }
  | { kind: 'confirm-replace'; existing: CheckIn; pending: CheckIn };

/**
 * Stores today's check-in with the teams the person is in now. A second one the same local day
 * overwrites nothing: it waits as a draft until the person chooses to replace the first or keep it.
 * A retried request (same idempotency key) is stored once.
 */
export async function recordCheckIn(ctx: Ctx, answer: CheckInAnswer): Promise<CheckInOutcome> {
  const note = checkNote(ctx, answer.note);
  const teams = await currentTeamsOf(ctx.store, ctx.person.workspace, ctx.person.id);
  const shareNote = Boolean(note) && answer.shareNote;
  const checkIn: CheckIn = {
    id: randomUUID(),
    personId: ctx.person.id,
    at: ctx.now.toISOString(),
    localDate: ctx.today,
    mood: answer.mood,
    energy: answer.energy,
    stress: answer.stress,
    ...(note ? { note } : {}),
    // Sharing means sharing the note: without one there is nothing to share.
    shareNote,
    // Fixed now: a lead appointed later never reads a note its author shared before they led.
    ...(shareNote ? { sharedWith: [...new Set(teams.flatMap((t) => t.leads))].sort() } : {}),
    teams: teams.map((t) => t.id),
    custom: {},
    ...(ctx.idempotencyKey ? { key: ctx.idempotencyKey } : {}),
  };
  const existing = await todaysCheckIn(ctx);
  if (existing) {
    if (ctx.idempotencyKey && existing.key === ctx.idempotencyKey) return { kind: 'saved', checkIn: existing, duplicate: true };
    await ctx.store.drafts.set(ctx.person.id, REPLACE_DRAFT, checkIn, new Date(ctx.now.getTime() + DRAFT_HOURS * 3600_000));
    return { kind: 'confirm-replace', existing, pending: checkIn };
  }
  const { record, created } = await ctx.store.history.addCheckIn(checkIn);
  return { kind: 'saved', checkIn: record, duplicate: !created };
}

export async function todaysCheckIn(ctx: Pick<Ctx, 'store' | 'person' | 'today'>): Promise<CheckIn | undefined> {
  const [found] = await ctx.store.history.checkIns(ctx.person.id, { from: ctx.today, to: ctx.today });
  return found;
}

/** Resolves a pending "replace today's check-in?". Undefined when nothing is pending (expired or done). */
export async function resolveReplace(ctx: Ctx, replace: boolean): Promise<{ replaced: false } | { replaced: true; checkIn: CheckIn } | undefined> {
  const draft = await ctx.store.drafts.get<CheckIn>(ctx.person.id, REPLACE_DRAFT, ctx.now);
  if (!draft) return undefined;
  await ctx.store.drafts.clear(ctx.person.id, REPLACE_DRAFT);
  if (!replace) return { replaced: false };
  const checkIn = await ctx.store.history.replaceCheckIn({ ...draft, at: ctx.now.toISOString() });
  return { replaced: true, checkIn };
}
