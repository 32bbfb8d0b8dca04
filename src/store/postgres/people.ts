import { PersonSchema, type Person } from '../../core/model/person.js';
import type { Change, Created, PeopleRepository } from '../../core/store/index.js';
import type { Executor } from './executor.js';
import { KeyedTable } from './keyed-table.js';

export class PgPeople implements PeopleRepository {
  private readonly table: KeyedTable<Person, { workspace?: string }>;

  constructor(db: Executor) {
    this.table = new KeyedTable(db, {
      table: 'people',
      schema: PersonSchema,
      id: (p) => p.id,
      columns: { workspace: (p) => p.workspace },
      filters: { workspace: 'workspace' },
    });
  }

  get(id: string): Promise<Person | undefined> {
    return this.table.get(id);
  }
  list(workspace?: string): Promise<Person[]> {
    return this.table.list({ workspace });
  }
  create(person: Person): Promise<Created<Person>> {
    return this.table.create(person);
  }
  update(id: string, change: Change<Person>): Promise<Person | undefined> {
    return this.table.update(id, change);
  }
  remove(id: string): Promise<boolean> {
    return this.table.remove(id);
  }
}
