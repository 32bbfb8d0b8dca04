import type { MentorInvitation, MentorMatch, MentorProfile, MentorRequest } from '../model/mentoring.js';
import type { Change, Created } from './common.js';

/** One keyed collection: each record is its own row, so writes to different records never collide. */
export interface KeyedRecords<T, Query> {
  get(id: string): Promise<T | undefined>;
  /** Records matching every field given in the query; all of them when it is empty. In id order. */
  list(query?: Query): Promise<T[]>;
  create(record: T): Promise<Created<T>>;
  update(id: string, change: Change<T>): Promise<T | undefined>;
  remove(id: string): Promise<boolean>;
}

/**
 * Mentor matching: profiles (keyed by person id), requests, invitations and matches (keyed by id).
 * A user action that changes several records (an accepted invitation: invitation, request, match)
 * runs in `store.transaction`.
 */
export interface MentoringRepository {
  profiles: KeyedRecords<MentorProfile, { workspace?: string }>;
  requests: KeyedRecords<MentorRequest, { workspace?: string; personId?: string; status?: MentorRequest['status'] }>;
  invitations: KeyedRecords<MentorInvitation, { requestId?: string; mentorId?: string; menteeId?: string; status?: MentorInvitation['status'] }>;
  matches: KeyedRecords<MentorMatch, { workspace?: string; mentorId?: string; menteeId?: string; status?: MentorMatch['status'] }>;
}
