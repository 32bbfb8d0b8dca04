import { z } from 'zod';
import { EI_COMPONENTS } from '../core/model/history.js';

export const PRACTICE_CHANNELS = ['phone', 'chat', 'email', 'in-person'] as const;
export type PracticeChannel = (typeof PRACTICE_CHANNELS)[number];
export const PRACTICE_DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type PracticeDifficulty = (typeof PRACTICE_DIFFICULTIES)[number];

/** The library's floor: enough cards, and enough of each component, channel and difficulty to choose from. */
export const PRACTICE_MINIMUMS = { cards: 40, perComponent: 8, perChannel: 8, perDifficulty: 8 } as const;

const Line = (max: number) => z.string().trim().min(3).max(max);

export const PracticeTechniqueSchema = z.object({
  id: z.string().regex(/^[a-z][a-z-]*$/, 'a lowercase id such as next-step'),
  name: Line(40),
  /** What skilled responders do, in one sentence. */
  what: Line(300),
  /** A reflection question about the person's own answer, asked when a card uses this technique. */
  question: Line(300),
});
export type PracticeTechnique = z.infer<typeof PracticeTechniqueSchema>;

export const PracticeCardSchema = z.object({
  id: z.string().regex(/^pc-\d{2,3}$/, 'an id such as pc-07'),
  title: Line(80),
  channel: z.enum(PRACTICE_CHANNELS),
  difficulty: z.enum(PRACTICE_DIFFICULTIES),
  components: z.array(z.enum(EI_COMPONENTS)).min(1).max(3),
  /** What the responder knows when the moment starts. */
  scene: Line(600),
  /** The customer's first words. */
  opening: Line(400),
  /** The private brief for whoever plays the customer. */
  customer: z.object({ feels: Line(300), wants: Line(300), helps: Line(300) }),
  /** Technique ids, most important first; the first two give the reflection questions. */
  techniques: z.array(z.string()).min(2).max(5),
  /** What is particular about this moment. */
  tip: Line(400),
  model: Line(1200),
});
export type PracticeCard = z.infer<typeof PracticeCardSchema>;

export const PracticeFileSchema = z
  .object({
    version: z.literal(1),
    techniques: z.array(PracticeTechniqueSchema).min(4),
    /** Three questions for a pair after both have played both roles. */
    debrief: z.array(Line(300)).length(3),
    cards: z.array(PracticeCardSchema).min(PRACTICE_MINIMUMS.cards, `at least ${PRACTICE_MINIMUMS.cards} cards`),
  })
  .superRefine((file, ctx) => {
    const techniques = new Set(file.techniques.map((t) => t.id));
    const ids = new Set<string>();
    file.cards.forEach((card, i) => {
      if (ids.has(card.id)) ctx.addIssue({ code: 'custom', path: ['cards', i, 'id'], message: `duplicate id ${card.id}` });
      ids.add(card.id);
      if (new Set(card.components).size !== card.components.length) ctx.addIssue({ code: 'custom', path: ['cards', i, 'components'], message: 'a component is listed twice' });
      card.techniques.forEach((t, j) => {
        if (!techniques.has(t)) ctx.addIssue({ code: 'custom', path: ['cards', i, 'techniques', j], message: `unknown technique ${t}; known: ${[...techniques].join(', ')}` });
      });
    });
    const floors: Array<[string, readonly string[], (c: PracticeCard) => readonly string[], number]> = [
      ['component', EI_COMPONENTS, (c) => c.components, PRACTICE_MINIMUMS.perComponent],
      ['channel', PRACTICE_CHANNELS, (c) => [c.channel], PRACTICE_MINIMUMS.perChannel],
      ['difficulty', PRACTICE_DIFFICULTIES, (c) => [c.difficulty], PRACTICE_MINIMUMS.perDifficulty],
    ];
    for (const [what, values, of, min] of floors) {
      for (const value of values) {
        const n = file.cards.filter((c) => of(c).includes(value)).length;
        if (n < min) ctx.addIssue({ code: 'custom', path: ['cards'], message: `only ${n} cards for the ${what} ${value}; at least ${min} are needed` });
      }
    }
  });
export type PracticeLibrary = z.infer<typeof PracticeFileSchema>;
