import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * One aggregate a digest published: which people it was computed over, as opaque ids. Answers
 * aggregates (scores, themes, team questions) are over respondents; participation is over members;
 * practice and thanks counts are over the people who practised and who were thanked.
 */
export const PublishedQuerySchema = z.object({
  /** `<teamId>|<part>|<frozenAt>`: what was published, for reading the store by hand. */
  key: z.string().min(1),
  space: z.enum(['answers', 'participation', 'practice', 'thanks']),
  people: z.array(z.string().min(1)),
});
export type PublishedQuery = z.infer<typeof PublishedQuerySchema>;

/** The opaque id of a person in the published ledger of their workspace (no name, no platform id). */
export function ledgerId(workspace: string, personId: string): string {
  return createHash('sha256').update(`attune-ledger\n${workspace}\n${personId}`).digest('base64url').slice(0, 22);
}
