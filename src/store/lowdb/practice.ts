import type { ZodType } from 'zod';
import { PeerPracticeSchema, PersonPracticeRecordSchema, ThanksSchema } from '../../core/model/practice.js';
import type { Change, KeyedRecords, PracticeRepository } from '../../core/store/index.js';
import type { LowdbEngine } from './engine.js';
import { byKey, fits, StateRecords, type Keyed } from './state-records.js';
import type { State } from './state-schema.js';

type Kind = 'people' | 'peers' | 'thanks';

/** Keyed access to one of practice's collections in state.json. */
function practiceRecords<K extends Kind>(engine: LowdbEngine, records: StateRecords, kind: K): KeyedRecords<State['practice'][K][string], object> {
  type T = State['practice'][K][string];
  const pick = ((s: State) => s.practice[kind]) as Keyed<T>;
  const schema = { people: PersonPracticeRecordSchema, peers: PeerPracticeSchema, thanks: ThanksSchema }[kind] as unknown as ZodType<T>;
  const idOf = (r: T) => (kind === 'people' ? (r as { personId: string }).personId : (r as { id: string }).id);
  return {
    get: async (id: string) => records.get(pick, id),
    list: async (query?: object) => byKey(pick(engine.state.data)).filter((r) => fits(r as object, query)),
    create: (record: T) => records.create(pick, idOf(record), record, schema),
    update: (id: string, change: Change<T>) => records.update(pick, id, change, schema),
    remove: (id: string) => records.remove(pick, id),
  };
}

/** Role-play practice records, peer sessions and thank-yous, in state.json. */
export class LowdbPractice implements PracticeRepository {
  readonly people: PracticeRepository['people'];
  readonly peers: PracticeRepository['peers'];
  readonly thanks: PracticeRepository['thanks'];

  constructor(private readonly engine: LowdbEngine) {
    const records = new StateRecords(engine);
    this.people = practiceRecords(engine, records, 'people');
    this.peers = practiceRecords(engine, records, 'peers');
    this.thanks = practiceRecords(engine, records, 'thanks');
  }

  /** The person's practice data, for an export. */
  ofPerson(personId: string) {
    const p = this.engine.state.data.practice;
    const thanks = Object.values(p.thanks);
    const record = p.people[personId];
    return {
      sessions: record?.sessions ?? [],
      counts: record?.counts ?? {},
      peerSessions: Object.values(p.peers).filter((x) => x.people.includes(personId)),
      thanksSent: thanks.filter((t) => t.from === personId),
      // The words of a thank-you received are the sender's: only when it came.
      thanksReceived: thanks.filter((t) => t.to === personId).map((t) => ({ at: t.at, localDate: t.localDate })),
    };
  }

  /** Removes the person's record, peer sessions with them and thank-yous they sent; `to` of those they received (part of an erasure). */
  async erase(personId: string): Promise<void> {
    await this.engine.mutate(this.engine.state, (s) => {
      const p = s.practice;
      delete p.people[personId];
      for (const [id, x] of Object.entries(p.peers)) if (x.people.includes(personId)) delete p.peers[id];
      for (const [id, t] of Object.entries(p.thanks)) {
        if (t.from === personId) delete p.thanks[id];
        else if (t.to === personId) delete t.to;
      }
    });
  }
}
