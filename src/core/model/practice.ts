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

export const ThanksSentSchema = z.object({
  id: z.string().min(1),
  /** Left out once the recipient erases their data. */
  to: PersonId.optional(),
  text: z.string().min(1).max(MAX_THANKS),
  at: IsoInstant,
  localDate: LocalDateSchema,
});
export type ThanksSent = z.infer<typeof ThanksSentSchema>;

/** A thank-you received: only when, for the team count. The words live in the person's DM, not here. */
export const ThanksReceivedSchema = z.object({ id: z.string().min(1), at: IsoInstant, localDate: LocalDateSchema });
export type ThanksReceived = z.infer<typeof ThanksReceivedSchema>;

/** One person's practice and thanks. Personal: exported with `privacy export`, erased with `privacy delete`. */
export const PersonPracticeSchema = z.object({
  /** Oldest first, at most KEPT_SESSIONS. */
  sessions: z.array(PracticeSessionSchema).default([]),
  /** Sessions ever, by EI component (a session counts once for each of its card's components). */
  counts: z.partialRecord(z.enum(EI_COMPONENTS), z.number().int().min(0)).default({}),
  thanksSent: z.array(ThanksSentSchema).default([]),
  thanksReceived: z.array(ThanksReceivedSchema).default([]),
});
export type PersonPractice = z.infer<typeof PersonPracticeSchema>;

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

/** Practice's small state: people's practice and thanks, and the peer sessions under way. */
export const PracticeStateSchema = z.object({
  people: z.record(z.string(), PersonPracticeSchema).default({}),
  peers: z.record(z.string(), PeerPracticeSchema).default({}),
});
export type PracticeState = z.infer<typeof PracticeStateSchema>;

export const emptyPractice = (): PracticeState => ({ people: {}, peers: {} });
export const emptyPersonPractice = (): PersonPractice => ({ sessions: [], counts: {}, thanksSent: [], thanksReceived: [] });

/** Removes a person from practice's state: their record, their peer sessions, and their id from others' sent thanks. */
export function erasePractice(state: PracticeState, personId: string): void {
  delete state.people[personId];
  for (const [id, peer] of Object.entries(state.peers)) if (peer.people.includes(personId)) delete state.peers[id];
  for (const person of Object.values(state.people)) {
    for (const t of person.thanksSent) if (t.to === personId) delete t.to;
  }
}
