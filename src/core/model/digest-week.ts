import { z } from 'zod';
import { IsoInstant, LocalDateSchema } from './ids.js';

/** Mean of the respondents' own weekly means (each person weighs once) and how many people sit at each score 1-5. */
export const ScoreStatsSchema = z.object({
  mean: z.number().min(1).max(5),
  distribution: z.array(z.number().int().min(0)).length(5),
});
export type ScoreStats = z.infer<typeof ScoreStatsSchema>;

/** `people` is the noisy count of distinct people who used the term (see docs/digest.md). */
export const ThemeSchema = z.object({ term: z.string().min(1).max(80), people: z.number().int().min(1) });
export type Theme = z.infer<typeof ThemeSchema>;

export const CustomAggregateSchema = z.object({
  id: z.string(),
  kind: z.enum(['scale', 'text']),
  /** People who answered this question in the week: noisy when `stats` or `themes` are present. */
  respondents: z.number().int().min(0),
  /** Held back because, with what was already published, it would isolate a person. */
  withheld: z.boolean().optional(),
  stats: ScoreStatsSchema.optional(),
  themes: z.array(ThemeSchema).optional(),
});
export type CustomAggregate = z.infer<typeof CustomAggregateSchema>;

/**
 * One team's aggregates for one calendar week (Monday to Sunday), frozen the first time they are
 * computed. No person ids: only counts and aggregates over at least `threshold` people, with their
 * noise drawn once at freezing (so re-reading never averages it away).
 */
export const DigestWeekSchema = z.object({
  from: LocalDateSchema,
  to: LocalDateSchema,
  frozenAt: IsoInstant,
  /** The threshold in force when frozen; a later, higher threshold hides more at display time. */
  threshold: z.number().int().min(3),
  members: z.number().int().min(0),
  /** Noisy count of distinct respondents; absent when too few answered or when it would isolate whether one person answered. */
  respondents: z.number().int().min(0).optional(),
  /**
   * Why the week shows no averages: too few respondents, publishing it with earlier digests would reveal an
   * individual, or it was frozen under a lower threshold than today's.
   */
  withheld: z.enum(['too-few', 'overlap', 'threshold-raised']).optional(),
  mood: ScoreStatsSchema.optional(),
  energy: ScoreStatsSchema.optional(),
  stress: ScoreStatsSchema.optional(),
  /** Respondents whose own stress for the week rounds to 4 or 5 (from the noisy stress distribution). */
  stressHigh: z.number().int().min(0).optional(),
  /** Noisy count of respondents with three or more hard check-ins (mood 2 or lower) in a row that week. */
  hardRuns: z.number().int().min(0).optional(),
  themes: z.array(ThemeSchema).default([]),
  /** 'shared': the themes come only from notes their authors chose to share. Weeks frozen before that rule show no themes. */
  themesFrom: z.literal('shared').optional(),
  custom: z.array(CustomAggregateSchema).default([]),
  /**
   * Practice and thanks of the week, noisy and frozen with it: each pair is present only when at least the
   * threshold of people practised (were thanked) and the audit admitted it. Weeks frozen before these
   * counts were frozen have none.
   */
  activity: z
    .object({
      practice: z.object({ sessions: z.number().int().min(0), people: z.number().int().min(0) }).optional(),
      thanks: z.object({ thanks: z.number().int().min(0), people: z.number().int().min(0) }).optional(),
    })
    .optional(),
});
export type DigestWeek = z.infer<typeof DigestWeekSchema>;
