import { z } from 'zod';
import { EI_COMPONENTS } from '../core/model/history.js';

export const PROMPT_CONTEXTS = [
  'customer-interaction',
  'teamwork',
  'setback',
  'feedback',
  'conflict',
  'workload',
  'change',
  'success',
  'communication',
  'learning',
] as const;

export const ReflectionPromptSchema = z.object({
  id: z.string().regex(/^[a-z]{2}-\d{3}$/, 'an id such as sa-001'),
  component: z.enum(EI_COMPONENTS),
  context: z.enum(PROMPT_CONTEXTS),
  text: z.string().min(20).max(300),
});
export type ReflectionPrompt = z.infer<typeof ReflectionPromptSchema>;

export const ReflectionsFileSchema = z
  .object({ version: z.literal(1), prompts: z.array(ReflectionPromptSchema).min(EI_COMPONENTS.length) })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.prompts.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['prompts', i, 'id'], message: `duplicate id ${p.id}` });
      seen.add(p.id);
    });
    for (const c of EI_COMPONENTS) {
      if (!file.prompts.some((p) => p.component === c)) ctx.addIssue({ code: 'custom', path: ['prompts'], message: `no prompt for ${c}` });
    }
  });
