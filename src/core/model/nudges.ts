import { z } from 'zod';
import { Hhmm, IsoInstant, LocalDateSchema } from './ids.js';

/**
 * How a nudge reached the person: asked for (`nudge now`), offered in answer to a feeling they just
 * named (`feeling`), or started by Attune (the rest, which the caps limit).
 */
export const NUDGE_SOURCES = ['requested', 'daily', 'checkin', 'prompt', 'feeling'] as const;
export type NudgeSource = (typeof NUDGE_SOURCES)[number];

/** Sources that answer something the person just did; the caps count only the others. */
export const PERSON_STARTED: readonly NudgeSource[] = ['requested', 'feeling'];

export const ServedNudgeSchema = z.object({
  nudgeId: z.string(),
  localDate: LocalDateSchema,
  at: IsoInstant,
  source: z.enum(NUDGE_SOURCES),
});
export type ServedNudge = z.infer<typeof ServedNudgeSchema>;

/**
 * One person's nudge settings and recent history. Personal: exported with `privacy export`, erased
 * with `privacy delete`, and never read by anything team-level.
 */
export const NudgeStateSchema = z.object({
  /** `nudge off`: nothing unrequested until `nudge on`. */
  off: z.boolean().default(false),
  /** `nudge snooze <days>`: nothing unrequested up to and including this local date. */
  snoozedUntil: LocalDateSchema.optional(),
  /** Opt-in daily nudge at this local time. */
  daily: Hhmm.optional(),
  /** Nudges served recently (pruned after a month): the no-repeat window and the caps read these. */
  served: z.array(ServedNudgeSchema).default([]),
  /** "Was this helpful?" answers by nudge id; the latest answer counts. */
  votes: z.record(z.string(), z.object({ helpful: z.boolean(), at: IsoInstant })).default({}),
  /** The first check-in date of the low stretch the support message was last shown for: once per stretch. */
  supportShownFor: LocalDateSchema.optional(),
});
export type NudgeState = z.infer<typeof NudgeStateSchema>;

export const emptyNudgeState = (): NudgeState => ({ off: false, served: [], votes: {} });

/** Support resources an admin set for a workspace (an EAP line, a wellbeing page). */
export const SupportResourcesSchema = z.object({
  text: z.string().min(1).max(1500),
  updatedAt: IsoInstant,
});
export type SupportResources = z.infer<typeof SupportResourcesSchema>;
