import type { Person } from '../model/person.js';
import type { Change, Created } from './common.js';

/** People, keyed by their address (`slack:T1:U1`). */
export interface PeopleRepository {
  get(id: string): Promise<Person | undefined>;
  /** Everyone, or everyone of one workspace; in id order. */
  list(workspace?: string): Promise<Person[]>;
  /** Stores the person unless one with that id exists (then returns the stored one). */
  create(person: Person): Promise<Created<Person>>;
  /** Undefined (and `change` not called) when there is no such person. */
  update(id: string, change: Change<Person>): Promise<Person | undefined>;
  /** Removes the person record only; `privacy.erasePerson` removes everything of theirs. */
  remove(id: string): Promise<boolean>;
}
