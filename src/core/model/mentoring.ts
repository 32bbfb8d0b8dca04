import { z } from 'zod';
import { IsoInstant, LocalDateSchema, PersonId } from './ids.js';

/** A person's offer to mentor: the skill tags they offered and how many mentees at a time. */
export const MentorProfileSchema = z.object({
  personId: PersonId,
  workspace: z.string().min(1),
  /** Skill ids from prompts/mentoring.json. */
  skills: z.array(z.string()).min(1),
  /** What they typed, kept so they recognise their own offer. */
  text: z.string().max(500),
  capacity: z.number().int().min(1).max(10),
  since: IsoInstant,
  updatedAt: IsoInstant,
});
export type MentorProfile = z.infer<typeof MentorProfileSchema>;

/** open: waiting for a mentor (maybe with a pending invitation), or matched. */
export const MentorRequestSchema = z.object({
  id: z.string().min(1),
  personId: PersonId,
  workspace: z.string().min(1),
  goal: z.string().min(1).max(500),
  tags: z.array(z.string()).min(1),
  status: z.enum(['open', 'matched']),
  createdAt: IsoInstant,
  /** Mentors already invited for this request (declined, expired or withdrawn): never asked twice. */
  tried: z.array(PersonId).default([]),
  matchId: z.string().optional(),
});
export type MentorRequest = z.infer<typeof MentorRequestSchema>;

export const INVITATION_STATUSES = ['pending', 'accepted', 'declined', 'expired', 'withdrawn'] as const;
export const MentorInvitationSchema = z.object({
  id: z.string().min(1),
  requestId: z.string().min(1),
  mentorId: PersonId,
  menteeId: PersonId,
  sentAt: IsoInstant,
  expiresAt: IsoInstant,
  status: z.enum(INVITATION_STATUSES),
  answeredAt: IsoInstant.optional(),
});
export type MentorInvitation = z.infer<typeof MentorInvitationSchema>;

export const FOLLOW_UP_ANSWERS = ['yes', 'not-yet', 'end'] as const;
export type FollowUpAnswer = (typeof FOLLOW_UP_ANSWERS)[number];
export const FollowUpSchema = z.object({ answer: z.enum(FOLLOW_UP_ANSWERS), at: IsoInstant });

export const MentorMatchSchema = z.object({
  id: z.string().min(1),
  requestId: z.string().min(1),
  workspace: z.string().min(1),
  mentorId: PersonId,
  menteeId: PersonId,
  goal: z.string().min(1).max(500),
  /** The skill the intro's conversation starters came from. */
  skill: z.string(),
  startedAt: IsoInstant,
  status: z.enum(['active', 'ended']),
  endedAt: IsoInstant.optional(),
  /** "Did you meet?" answers, by person. */
  followUps: z.record(z.string(), FollowUpSchema).default({}),
});
export type MentorMatch = z.infer<typeof MentorMatchSchema>;

export const PoolMemberSchema = z.object({
  joinedAt: IsoInstant,
  /** Skipped by rounds up to and including this date. */
  pausedUntil: LocalDateSchema.optional(),
});
export type PoolMember = z.infer<typeof PoolMemberSchema>;

/** One round in a pool's index; its groups live in their own partition (mentoring/rounds/...). */
export const RoundIndexEntrySchema = z.object({
  id: z.string().min(1),
  /** The scheduled date of the round (the cadence grid), in the workspace's default zone. */
  slot: LocalDateSchema,
  createdAt: IsoInstant,
  people: z.number().int().min(0),
});
export type RoundIndexEntry = z.infer<typeof RoundIndexEntrySchema>;

/** A pairing pool: a whole workspace (id = workspace) or one team (id = team id). */
export const PairPoolSchema = z.object({
  id: z.string().min(1),
  workspace: z.string().min(1),
  teamId: z.string().optional(),
  cadenceWeeks: z.number().int().min(1).max(12).default(2),
  /** The first round's date; later rounds follow the cadence from the last round. */
  anchor: LocalDateSchema,
  members: z.record(z.string(), PoolMemberSchema).default({}),
  rounds: z.array(RoundIndexEntrySchema).default([]),
});
export type PairPool = z.infer<typeof PairPoolSchema>;

/** Mentoring's small state, kept in state.json under `mentoring`. */
export const MentoringStateSchema = z.object({
  profiles: z.record(z.string(), MentorProfileSchema).default({}),
  requests: z.record(z.string(), MentorRequestSchema).default({}),
  invitations: z.record(z.string(), MentorInvitationSchema).default({}),
  matches: z.record(z.string(), MentorMatchSchema).default({}),
  pools: z.record(z.string(), PairPoolSchema).default({}),
});
export type MentoringState = z.infer<typeof MentoringStateSchema>;

export const emptyMentoring = (): MentoringState => ({ profiles: {}, requests: {}, invitations: {}, matches: {}, pools: {} });

/**
 * One pairing round: a partition of its own, written when the round is made. Compact on purpose: the
 * next round reads the pool's whole history (50 rounds of 1,000 groups), so groups are plain arrays of
 * ids (from validated state), not objects with patterns to check; see bench/mentoring.md.
 */
export const PairRoundSchema = z.object({
  version: z.literal(1),
  id: z.string().min(1),
  poolId: z.string().min(1),
  slot: LocalDateSchema,
  createdAt: IsoInstant,
  /** Pairs, and one trio when the count was odd. */
  groups: z.array(z.array(z.string().min(1)).min(1).max(3)),
  /** "Did you meet?" answers, by person (each person is in one group). */
  met: z.record(z.string(), FollowUpSchema).default({}),
});
export type PairRound = z.infer<typeof PairRoundSchema>;
