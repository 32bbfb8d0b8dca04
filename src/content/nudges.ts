import { z } from 'zod';
import { EI_COMPONENTS } from '../core/model/history.js';

/** The kinds of resilience exercise; selection rules refer to them by these names. */
export const NUDGE_TECHNIQUES = [
  'breathing',
  'grounding',
  'reframing',
  'gratitude',
  'micro-break',
  'self-compassion',
  'hard-conversation',
] as const;
export type NudgeTechnique = (typeof NUDGE_TECHNIQUES)[number];

export const MIN_NUDGES = 40;
export const MIN_TECHNIQUES = 6;

export const NudgeSchema = z.object({
  /** Short, so a "Was this helpful?" button can carry it (`yes:br-01`). */
  id: z.string().regex(/^[a-z]{2}-\d{2}$/, 'an id such as br-01'),
  technique: z.enum(NUDGE_TECHNIQUES),
  title: z.string().min(3).max(80),
  /** How long it takes, in whole minutes. */
  minutes: z.number().int().min(1).max(15),
  component: z.enum(EI_COMPONENTS),
  /** Shown numbered, in order. */
  steps: z.array(z.string().min(5).max(300)).min(3).max(8),
});
export type Nudge = z.infer<typeof NudgeSchema>;

export const NudgesFileSchema = z
  .object({ version: z.literal(1), nudges: z.array(NudgeSchema).min(MIN_NUDGES, `at least ${MIN_NUDGES} nudges`) })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.nudges.forEach((n, i) => {
      if (seen.has(n.id)) ctx.addIssue({ code: 'custom', path: ['nudges', i, 'id'], message: `duplicate id ${n.id}` });
      seen.add(n.id);
    });
    const techniques = new Set(file.nudges.map((n) => n.technique));
    if (techniques.size < MIN_TECHNIQUES) {
      ctx.addIssue({ code: 'custom', path: ['nudges'], message: `nudges cover ${techniques.size} techniques; at least ${MIN_TECHNIQUES} are needed` });
    }
  });
