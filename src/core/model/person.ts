import { z } from 'zod';
import { WEEKDAYS } from '../time.js';
import { Hhmm, IsoInstant, LocalDateSchema, PersonId } from './ids.js';

export const PersonSchema = z.object({
  id: PersonId,
  workspace: z.string().min(1),
  name: z.string().min(1).max(200),
  createdAt: IsoInstant,
  admin: z.boolean().default(false),
  /** IANA zone; absent until the person or their platform tells us. */
  tz: z.string().optional(),
  /** 'user' wins over 'platform': a zone someone set is never overwritten by a platform lookup. */
  tzSource: z.enum(['user', 'platform']).optional(),
  promptTime: Hhmm.default('09:30'),
  reminderTime: Hhmm.default('16:30'),
  workingDays: z.array(z.enum(WEEKDAYS)).min(1).default(['mon', 'tue', 'wed', 'thu', 'fri']),
  /** No scheduled messages up to and including this local date. */
  pausedUntil: LocalDateSchema.optional(),
  quietHours: z.object({ from: Hhmm, to: Hhmm }).optional(),
  /** `insight off`: no monthly insight note. */
  insightOff: z.boolean().optional(),
  /** Set by `/attune stop`: Attune starts no conversation with them until they resume. */
  stoppedAt: IsoInstant.optional(),
});
export type Person = z.infer<typeof PersonSchema>;
