import { z } from 'zod';
import { NUDGE_TECHNIQUES } from './nudges.js';

/** The mood-meter quadrants: how pleasant (mood) by how much energy. */
export const QUADRANTS = ['pleasant-high', 'pleasant-low', 'unpleasant-high', 'unpleasant-low'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

/** Each quadrant offers about 15 words: enough to be precise, few enough to scan (and under Discord's 25 options). */
export const MIN_WORDS_PER_QUADRANT = 12;
export const MAX_WORDS_PER_QUADRANT = 20;

export const FeelingSchema = z.object({
  /** Short and kebab-case: a button value carries it. */
  id: z.string().regex(/^[a-z]+(-[a-z]+)*$/, 'a kebab-case id such as on-edge').max(20),
  word: z.string().trim().min(2).max(25),
  /** Slack caps an option's description at 75 characters; the definition fits everywhere. */
  definition: z.string().trim().min(10).max(75),
  /** The kind of exercise this feeling calls for first, if any (frustrated: a reframe; anxious: breathing). */
  nudge: z.enum(NUDGE_TECHNIQUES).optional(),
});
export type Feeling = z.infer<typeof FeelingSchema> & { quadrant: Quadrant };

const QuadrantSchema = z.object({
  label: z.string().trim().min(3).max(40),
  words: z.array(FeelingSchema).min(MIN_WORDS_PER_QUADRANT).max(MAX_WORDS_PER_QUADRANT),
});

/** prompts/feelings.json: emotion words by mood-meter quadrant, each with a short definition. */
export const FeelingsFileSchema = z
  .object({
    version: z.literal(1),
    quadrants: z.object({ 'pleasant-high': QuadrantSchema, 'pleasant-low': QuadrantSchema, 'unpleasant-high': QuadrantSchema, 'unpleasant-low': QuadrantSchema }),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    for (const q of QUADRANTS) {
      file.quadrants[q].words.forEach((w, i) => {
        if (seen.has(w.id)) ctx.addIssue({ code: 'custom', path: ['quadrants', q, 'words', i, 'id'], message: `duplicate id ${w.id}` });
        seen.add(w.id);
        // Gratitude is never suggested on a low day, so no unpleasant feeling may ask for it.
        if (q.startsWith('unpleasant') && w.nudge === 'gratitude') ctx.addIssue({ code: 'custom', path: ['quadrants', q, 'words', i, 'nudge'], message: 'an unpleasant feeling may not call for gratitude' });
      });
    }
  });

export interface FeelingsLibrary {
  labels: Record<Quadrant, string>;
  words: Feeling[];
}

export function toFeelingsLibrary(file: z.infer<typeof FeelingsFileSchema>): FeelingsLibrary {
  const labels = Object.fromEntries(QUADRANTS.map((q) => [q, file.quadrants[q].label])) as Record<Quadrant, string>;
  return { labels, words: QUADRANTS.flatMap((q) => file.quadrants[q].words.map((w) => ({ ...w, quadrant: q }))) };
}
