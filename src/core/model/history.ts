import { z } from 'zod';
import { IsoInstant, LocalDateSchema, PersonId } from './ids.js';

export const EI_COMPONENTS = ['self-awareness', 'self-regulation', 'motivation', 'empathy', 'social-skills'] as const;
export type EiComponent = (typeof EI_COMPONENTS)[number];

/** Max characters of a reflection answer. */
export const MAX_ANSWER = 4000;
/** Max characters of a check-in note. */
export const MAX_NOTE = 1000;

export const ReflectionSchema = z.object({
  id: z.string(),
  personId: PersonId,
  at: IsoInstant,
  localDate: LocalDateSchema,
  promptId: z.string(),
  component: z.enum(EI_COMPONENTS),
  answer: z.string().min(1).max(MAX_ANSWER),
  /** Idempotency key of the write (platform event id); a retried write with the same key is stored once. */
  key: z.string().optional(),
});
export type Reflection = z.infer<typeof ReflectionSchema>;

const Score = z.number().int().min(1).max(5);

export const CheckInSchema = z.object({
  id: z.string(),
  personId: PersonId,
  at: IsoInstant,
  localDate: LocalDateSchema,
  mood: Score,
  energy: Score,
  stress: Score,
  note: z.string().max(MAX_NOTE).optional(),
  /** The author chose to let their lead read the note with their name. Off by default. */
  shareNote: z.boolean().default(false),
  /**
   * The leads of the author's teams when the note was shared: only they may read it. A note shared while no
   * team had a lead has none, and no lead appointed later reads it. Absent on older records: nobody reads those.
   */
  sharedWith: z.array(PersonId).optional(),
  /** Teams the person was a member of when they answered. */
  teams: z.array(z.string()).default([]),
  /** Answers to a team's custom questions, by question id. */
  custom: z.record(z.string(), z.union([z.number(), z.string()])).default({}),
  key: z.string().optional(),
});
export type CheckIn = z.infer<typeof CheckInSchema>;

/** Which prompt a person was served on a local date: rotation reads this. */
export const ServedPromptSchema = z.object({
  localDate: LocalDateSchema,
  promptId: z.string(),
  component: z.enum(EI_COMPONENTS),
  at: IsoInstant,
});
export type ServedPrompt = z.infer<typeof ServedPromptSchema>;
