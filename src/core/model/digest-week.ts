import { z } from 'zod';
import { IsoInstant, LocalDateSchema } from './ids.js';

/** Mean of the respondents' own weekly means (each person weighs once) and how many people sit at each score 1-5. */
export const ScoreStatsSchema = z.object({
  mean: z.number().min(1).max(5),
  distribution: z.array(z.number().int().min(0)).length(5),
});
export type ScoreStats = z.infer<typeof ScoreStatsSchema>;

export const ThemeSchema = z.object({ term: z.string().min(1).max(80), people: z.number().int().min(1) });
export type Theme = z.infer<typeof ThemeSchema>;

export const CustomAggregateSchema = z.object({
  id: z.string(),
  kind: z.enum(['scale', 'text']),
  /** People who answered this question in the week. */
  respondents: z.number().int().min(0),
  stats: ScoreStatsSchema.optional(),
  themes: z.array(ThemeSchema).optional(),
});
export type CustomAggregate = z.infer<typeof CustomAggregateSchema>;

/**
 * One team's aggregates for one calendar week (Monday to Sunday), frozen the first time they are
 * computed. No person ids: only counts and aggregates over at least `threshold` people.
 */
export const DigestWeekSchema = z.object({
  from: LocalDateSchema,
  to: LocalDateSchema,
  frozenAt: IsoInstant,
  /** The threshold in force when frozen; a later, higher threshold hides more at display time. */
  threshold: z.number().int().min(3),
  members: z.number().int().min(0),
  respondents: z.number().int().min(0),
  /** Why the week shows participation only: too few respondents, or too close to another team's respondents. */
  withheld: z.enum(['too-few', 'overlap']).optional(),
  mood: ScoreStatsSchema.optional(),
  energy: ScoreStatsSchema.optional(),
  stress: ScoreStatsSchema.optional(),
  /** Respondents whose own stress for the week rounds to 4 or 5. */
  stressHigh: z.number().int().min(0).optional(),
  /** Days with at least `threshold` respondents, and whether the team's mean mood that day was 2.5 or lower. */
  days: z.array(z.object({ date: LocalDateSchema, respondents: z.number().int().min(0), bad: z.boolean() })).default([]),
  themes: z.array(ThemeSchema).default([]),
  /** 'shared': the themes come only from notes their authors chose to share. Weeks frozen before that rule show no themes. */
  themesFrom: z.literal('shared').optional(),
  custom: z.array(CustomAggregateSchema).default([]),
});
export type DigestWeek = z.infer<typeof DigestWeekSchema>;
