import type { PeerPractice, PersonPracticeRecord, Thanks } from '../model/practice.js';
import type { KeyedRecords } from './mentoring-repository.js';

/**
 * Role-play practice and thank-yous: each person's record (keyed by person id), peer sessions and
 * thank-yous (keyed by id). A thank-you loses `to` when its recipient erases their data; the team
 * count of thanks received is `thanks.list({ to })` per member.
 */
export interface PracticeRepository {
  people: KeyedRecords<PersonPracticeRecord, Record<string, never>>;
  peers: KeyedRecords<PeerPractice, Record<string, never>>;
  thanks: KeyedRecords<Thanks, { from?: string; to?: string }>;
}
