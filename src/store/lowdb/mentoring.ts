import type { ZodType } from 'zod';
import {
  MentorInvitationSchema,
  MentorMatchSchema,
  MentorProfileSchema,
  MentorRequestSchema,
  type MentoringState,
} from '../../core/model/mentoring.js';
import type { Change, KeyedRecords, MentoringRepository } from '../../core/store/index.js';
import type { LowdbEngine } from './engine.js';
import { byKey, fits, StateRecords, type Keyed } from './state-records.js';
import type { State } from './state-schema.js';

type Kind = 'profiles' | 'requests' | 'invitations' | 'matches';

/** Keyed access to one of mentoring's collections in state.json. */
function mentoringRecords<K extends Kind>(engine: LowdbEngine, records: StateRecords, kind: K): KeyedRecords<MentoringState[K][string], object> {
  type T = MentoringState[K][string];
  const pick = ((s: State) => s.mentoring[kind]) as Keyed<T>;
  const schema = { profiles: MentorProfileSchema, requests: MentorRequestSchema, invitations: MentorInvitationSchema, matches: MentorMatchSchema }[kind] as unknown as ZodType<T>;
  const idOf = (r: T) => (kind === 'profiles' ? (r as { personId: string }).personId : (r as { id: string }).id);
  return {
    get: async (id: string) => records.get(pick, id),
    list: async (query?: object) => byKey(pick(engine.state.data)).filter((r) => fits(r as object, query)),
    create: (record: T) => records.create(pick, idOf(record), record, schema),
    // The key is the record's identity: a change cannot move it to another key.
    update: (id: string, change: Change<T>) =>
      records.update(pick, id, change, schema, (current, next) => ({ ...next, ...(kind === 'profiles' ? { personId: (current as { personId: string }).personId } : { id: (current as { id: string }).id }) })),
    remove: (id: string) => records.remove(pick, id),
  };
}

/** Mentor profiles, requests, invitations and matches, in state.json. */
export class LowdbMentoring implements MentoringRepository {
  readonly profiles: MentoringRepository['profiles'];
  readonly requests: MentoringRepository['requests'];
  readonly invitations: MentoringRepository['invitations'];
  readonly matches: MentoringRepository['matches'];

  constructor(private readonly engine: LowdbEngine) {
    const records = new StateRecords(engine);
    this.profiles = mentoringRecords(engine, records, 'profiles');
    this.requests = mentoringRecords(engine, records, 'requests');
    this.invitations = mentoringRecords(engine, records, 'invitations');
    this.matches = mentoringRecords(engine, records, 'matches');
  }

  /** The person's mentoring records, for an export (pool memberships and rounds come from pairing). */
  ofPerson(personId: string) {
    const m = this.engine.state.data.mentoring;
    const involves = (x: { mentorId: string; menteeId: string }) => x.mentorId === personId || x.menteeId === personId;
    return {
      profile: m.profiles[personId] ?? null,
      requests: Object.values(m.requests).filter((r) => r.personId === personId),
      invitations: Object.values(m.invitations).filter(involves),
      matches: Object.values(m.matches).filter(involves),
    };
  }

  /** Removes the person's profile, requests, invitations, matches and pool memberships (part of an erasure). */
  async erase(personId: string): Promise<void> {
    await this.engine.mutate(this.engine.state, (s) => {
      const m = s.mentoring;
      delete m.profiles[personId];
      const involves = (x: { mentorId: string; menteeId: string }) => x.mentorId === personId || x.menteeId === personId;
      for (const [id, r] of Object.entries(m.requests)) {
        if (r.personId === personId) delete m.requests[id];
        else r.tried = r.tried.filter((t) => t !== personId);
      }
      for (const [id, i] of Object.entries(m.invitations)) if (involves(i)) delete m.invitations[id];
      for (const [id, x] of Object.entries(m.matches)) if (involves(x)) delete m.matches[id];
      for (const pool of Object.values(m.pools)) delete pool.members[personId];
    });
  }
}
