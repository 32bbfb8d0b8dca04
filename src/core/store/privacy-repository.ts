import type { Delivery } from '../model/delivery.js';
import type { CheckIn, Reflection, ServedPrompt } from '../model/history.js';
import type { Person } from '../model/person.js';

/** Everything the store holds about one person, for `privacy export`. */
export interface PersonalData {
  person: Person;
  teams: Array<{ id: string; name: string; member: boolean; lead: boolean }>;
  reflections: Reflection[];
  checkins: CheckIn[];
  servedPrompts: ServedPrompt[];
  deliveries: Delivery[];
  /** Feature sections (mentoring, nudges, pending drafts), by name. */
  [section: string]: unknown;
}

export interface PrivacyRepository {
  /** Undefined when there is no such person. */
  exportPerson(personId: string): Promise<PersonalData | undefined>;
  /**
   * Erases everything of this person in one transaction: record, memberships and leads, history,
   * ledger entries, drafts, nudge state, mentoring records and pairing memberships and groups.
   * Afterwards `exportPerson` finds nothing and no other read returns their id.
   */
  erasePerson(personId: string): Promise<void>;
}
