import { PersonSchema, type Person } from '../../core/model/index.js';
import type { Change, Created, PeopleRepository } from '../../core/store/index.js';
import { clone, type LowdbEngine } from './engine.js';

/** People live in people/<shard>.json (with their drafts and nudge state): a write rewrites one small shard. */
export class LowdbPeople implements PeopleRepository {
  constructor(private readonly engine: LowdbEngine) {}

  async get(id: string): Promise<Person | undefined> {
    const found = this.engine.persons.person(id);
    return found && clone(found);
  }

  async list(workspace?: string): Promise<Person[]> {
    return this.engine.persons.people(workspace).map(clone);
  }

  async create(person: Person): Promise<Created<Person>> {
    const valid = PersonSchema.parse(person);
    return this.engine.mutate(this.engine.persons.doc(valid.id), (s) => {
      const existing = s.people[valid.id];
      if (existing) return { record: clone(existing), created: false };
      s.people[valid.id] = valid;
      return { record: clone(valid), created: true };
    });
  }

  async update(id: string, change: Change<Person>): Promise<Person | undefined> {
    const doc = this.engine.persons.doc(id);
    const current = doc.data.people[id];
    if (!current) return undefined;
    const copy = clone(current);
    const proposed = change(copy);
    if (proposed === copy) return clone(current);
    const next = PersonSchema.parse({ ...proposed, id });
    return this.engine.mutate(doc, (s) => {
      s.people[id] = next;
      return clone(next);
    });
  }

  async remove(id: string): Promise<boolean> {
    const doc = this.engine.persons.doc(id);
    if (!doc.data.people[id]) return false;
    return this.engine.mutate(doc, (s) => {
      delete s.people[id];
      return true;
    });
  }
}
