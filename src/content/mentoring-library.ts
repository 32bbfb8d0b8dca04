import { z } from 'zod';

export const MentoringSkillSchema = z.object({
  id: z.string().regex(/^[a-z][a-z-]{1,39}$/, 'an id such as giving-feedback'),
  label: z.string().min(3).max(60),
  /** Words and phrases that map free text ("calm with angry customers") to this skill. */
  keywords: z.array(z.string().min(2).max(60)).min(1),
  /** Shown in an intro; at least three, because an intro offers three. */
  starters: z.array(z.string().min(10).max(200)).min(3),
});
export type MentoringSkill = z.infer<typeof MentoringSkillSchema>;

export const MentoringFileSchema = z
  .object({
    version: z.literal(1),
    skills: z.array(MentoringSkillSchema).min(1),
    /** Conversation starters for pairing-round intros. */
    pairStarters: z.array(z.string().min(10).max(200)).min(1),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.skills.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['skills', i, 'id'], message: `duplicate id ${s.id}` });
      seen.add(s.id);
    });
  });
export type MentoringLibrary = z.infer<typeof MentoringFileSchema>;
