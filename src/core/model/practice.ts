import { z } from 'zod';
import { EI_COMPONENTS } from './history.js';
import { IsoInstant, LocalDateSchema, PersonId } from './ids.js';

/** Max characters of a practice answer (a first reply to a customer). */
export const MAX_PRACTICE_ANSWER = 2000;
/** Max characters of a thank-you. */
export const MAX_THANKS = 500;
/** Sessions kept per person with their details (older ones live on only in the per-skill counts). */
export const KEPT_SESSIONS = 200;

export const PracticeSessionSchema = z.object({
  id: z.string().min(1),
  cardId: z.string().min(1),
  mode: z.enum(['solo', 'peer']),
  components: z.array(z.enum(EI_COMPONENTS)).min(1),
  at: IsoInstant,
  localDate: LocalDateSchema,
  /** Solo: the person's own first reply. Private: only ever shown to them and in their export. */
  answer: z.string().min(1).max(MAX_PRACTICE_ANSWER).optional(),
  /** Peer: the shared session's id. */
  peerSessionId: z.string().optional(),
});
export type PracticeSession = z.infer<typeof PracticeSessionSchema>;

/**
 * A thank-you, kept as the sender's record and as a "received" mark for the recipient's team count.
 * The words are the sender's: exported and erased with them. The recipient's export holds only when.
 */
export const ThanksSchema = z.object({
  id: z.string().min(1),
  from: PersonId,
  /** Left out once the recipient erases their data. */
  to: PersonId.optional(),
  text: z.string().min(1).max(MAX_THANKS),
  at: IsoInstant,
  localDate: LocalDateSchema,
});
export type Thanks = z.infer<typeof ThanksSchema>;

/** One person's practice. Personal: exported with `privacy export`, erased with `privacy delete`. */
export const PersonPracticeRecordSchema = z.object({
  personId: PersonId,
  /** Oldest first, at most KEPT_SESSIONS. */
  sessions: z.array(PracticeSessionSchema).max(KEPT_SESSIONS).default([]),
  /** Sessions ever, by EI component (a session counts once for each of its card's components). */
  counts: z.partialRecord(z.enum(EI_COMPONENTS), z.number().int().min(0)).default({}),
});
export type PersonPracticeRecord = z.infer<typeof PersonPracticeRecordSchema>;

export const emptyPersonPractice = (personId: string): PersonPracticeRecord => ({ personId, sessions: [], counts: {} });

export const PEER_STAGES = ['first', 'second', 'debrief'] as const;

/** A role-play between two matched people: one card, two rounds (roles swap), then a debrief. */
export const PeerPracticeSchema = z.object({
  id: z.string().min(1),
  cardId: z.string().min(1),
  /** [who asked, who was invited]. */
  people: z.tuple([PersonId, PersonId]),
  /** Plays the customer in the first round; the other does in the second. */
  customerFirst: PersonId,
  stage: z.enum(PEER_STAGES),
  startedAt: IsoInstant,
  updatedAt: IsoInstant,
});
export type PeerPractice = z.infer<typeof PeerPracticeSchema>;

