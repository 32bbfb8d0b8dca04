import { z } from 'zod';
import { EI_COMPONENTS } from '../core/model/history.js';

/** The digest's early warnings; each has coaching tips for the lead in prompts/coaching.json. */
export const SIGNALS = ['mood-drop', 'high-stress', 'participation-drop', 'bad-days', 'low-energy', 'mood-low-steady', 'improving'] as const;
export type SignalKind = (typeof SIGNALS)[number];

export const MIN_TIPS_PER_SIGNAL = 3;

export const CoachingTipSchema = z.object({
  id: z.string().regex(/^[a-z]+-\d{2}$/, 'an id such as mood-01'),
  signal: z.enum(SIGNALS),
  component: z.enum(EI_COMPONENTS),
  text: z.string().min(20).max(400),
});
export type CoachingTip = z.infer<typeof CoachingTipSchema>;

export const CoachingFileSchema = z
  .object({ version: z.literal(1), tips: z.array(CoachingTipSchema) })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.tips.forEach((t, i) => {
      if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: ['tips', i, 'id'], message: `duplicate id ${t.id}` });
      seen.add(t.id);
    });
    for (const s of SIGNALS) {
      const n = file.tips.filter((t) => t.signal === s).length;
      if (n < MIN_TIPS_PER_SIGNAL) ctx.addIssue({ code: 'custom', path: ['tips'], message: `the signal ${s} has ${n} tips; it needs at least ${MIN_TIPS_PER_SIGNAL}` });
    }
  });
