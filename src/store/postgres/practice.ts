import { PeerPracticeSchema, PersonPracticeRecordSchema, ThanksSchema, type PeerPractice, type PersonPracticeRecord, type Thanks } from '../../core/model/practice.js';
import type { PracticeRepository } from '../../core/store/index.js';
import type { Executor } from './executor.js';
import { KeyedTable } from './keyed-table.js';

/** People's practice records, peer sessions and thank-yous: one row each; thanks keep sender and recipient as columns. */
export function pgPractice(db: Executor): PracticeRepository {
  return {
    people: new KeyedTable<PersonPracticeRecord>(db, { table: 'practice_people', schema: PersonPracticeRecordSchema, id: (r) => r.personId }),
    peers: new KeyedTable<PeerPractice>(db, { table: 'practice_peers', schema: PeerPracticeSchema, id: (p) => p.id }),
    thanks: new KeyedTable<Thanks, { from?: string; to?: string }>(db, {
      table: 'practice_thanks',
      schema: ThanksSchema,
      id: (t) => t.id,
      columns: { from_id: (t) => t.from, to_id: (t) => t.to ?? null },
      filters: { from: 'from_id', to: 'to_id' },
    }),
  };
}
