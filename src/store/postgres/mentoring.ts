import {
  MentorInvitationSchema,
  MentorMatchSchema,
  MentorProfileSchema,
  MentorRequestSchema,
  type MentorInvitation,
  type MentorMatch,
  type MentorProfile,
  type MentorRequest,
} from '../../core/model/mentoring.js';
import type { MentoringRepository } from '../../core/store/index.js';
import type { Executor } from './executor.js';
import { KeyedTable } from './keyed-table.js';

const field = (name: string) => `data->>'${name}'`;

/** Profiles, requests, invitations and matches: one row each, filtered on fields of the record. */
export function pgMentoring(db: Executor): MentoringRepository {
  return {
    profiles: new KeyedTable<MentorProfile, { workspace?: string }>(db, {
      table: 'mentor_profiles',
      schema: MentorProfileSchema,
      id: (p) => p.personId,
      filters: { workspace: field('workspace') },
    }),
    requests: new KeyedTable<MentorRequest, { workspace?: string; personId?: string; status?: MentorRequest['status'] }>(db, {
      table: 'mentor_requests',
      schema: MentorRequestSchema,
      id: (r) => r.id,
      filters: { workspace: field('workspace'), personId: field('personId'), status: field('status') },
    }),
    invitations: new KeyedTable<MentorInvitation, { requestId?: string; mentorId?: string; menteeId?: string; status?: MentorInvitation['status'] }>(db, {
      table: 'mentor_invitations',
      schema: MentorInvitationSchema,
      id: (i) => i.id,
      filters: { requestId: field('requestId'), mentorId: field('mentorId'), menteeId: field('menteeId'), status: field('status') },
    }),
    matches: new KeyedTable<MentorMatch, { workspace?: string; mentorId?: string; menteeId?: string; status?: MentorMatch['status'] }>(db, {
      table: 'mentor_matches',
      schema: MentorMatchSchema,
      id: (m) => m.id,
      filters: { workspace: field('workspace'), mentorId: field('mentorId'), menteeId: field('menteeId'), status: field('status') },
    }),
  };
}
