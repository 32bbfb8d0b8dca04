import { PairPoolSchema, PairRoundSchema, type PairPool, type PairRound } from '../../core/model/mentoring.js';
import type { LocalDate } from '../../core/time.js';
import type { Change, Created, PairingRepository } from '../../core/store/index.js';
import { DocumentCache } from './document-cache.js';
import { clone, type LowdbEngine } from './engine.js';
import type { JsonDocument } from './json-document.js';
import { byKey, StateRecords, type Keyed } from './state-records.js';

/** Pairing rounds kept in memory: a pool's whole history is read when a round is made. */
const ROUND_CACHE = 200;

const poolsOf: Keyed<PairPool> = (s) => s.mentoring.pools;

/** Pools (with their rounds index) in state.json; each round in its own file (mentoring/rounds/<pool>/<slot>.json). */
export class LowdbPairing implements PairingRepository {
  private readonly records: StateRecords;
  private readonly roundDocs: DocumentCache<PairRound>;

  constructor(private readonly engine: LowdbEngine) {
    this.records = new StateRecords(engine);
    this.roundDocs = new DocumentCache(ROUND_CACHE, (key) => {
      const [poolId, slot] = JSON.parse(key) as [string, string];
      return engine.openDoc(engine.paths.pairRound(poolId, slot), PairRoundSchema, () => ({
        version: 1 as const,
        id: `${poolId}@${slot}`,
        poolId,
        slot,
        createdAt: new Date(0).toISOString(),
        groups: [],
        met: {},
      }));
    });
    engine.hold(this.roundDocs);
  }

  async pool(id: string): Promise<PairPool | undefined> {
    return this.records.get(poolsOf, id);
  }

  async pools(workspace?: string): Promise<PairPool[]> {
    return byKey(this.engine.state.data.mentoring.pools).filter((p) => !workspace || p.workspace === workspace);
  }

  createPool(pool: PairPool): Promise<Created<PairPool>> {
    return this.records.create(poolsOf, pool.id, { ...pool, rounds: [] }, PairPoolSchema);
  }

  updatePool(id: string, change: Change<PairPool>): Promise<PairPool | undefined> {
    // The rounds index belongs to the store: whatever the change did to it, the stored one stays.
    return this.records.update(poolsOf, id, change, PairPoolSchema, (current, next) => ({ ...next, id, rounds: current.rounds }));
  }

  private roundDoc(poolId: string, slot: string): Promise<JsonDocument<PairRound>> {
    return this.roundDocs.get(JSON.stringify([poolId, slot]));
  }

  async round(poolId: string, slot: LocalDate): Promise<PairRound | undefined> {
    const pool = this.engine.state.data.mentoring.pools[poolId];
    if (!pool?.rounds.some((r) => r.slot === slot)) return undefined;
    return clone((await this.roundDoc(poolId, slot)).data);
  }

  async rounds(poolId: string): Promise<PairRound[]> {
    const pool = this.engine.state.data.mentoring.pools[poolId];
    if (!pool) return [];
    const slots = pool.rounds.map((r) => r.slot).sort();
    return Promise.all(slots.map(async (slot) => clone((await this.roundDoc(poolId, slot)).data)));
  }

  /** Two files (the round, the pool's index): run it inside a transaction. */
  async createRound(round: PairRound): Promise<Created<PairRound>> {
    const valid = PairRoundSchema.parse(round);
    const pool = this.engine.state.data.mentoring.pools[valid.poolId];
    if (!pool) throw new Error(`No pairing pool ${valid.poolId}`);
    const existing = await this.round(valid.poolId, valid.slot);
    if (existing) return { record: existing, created: false };
    const doc = await this.roundDoc(valid.poolId, valid.slot);
    await this.engine.mutate(doc, (d) => {
      Object.assign(d, clone(valid));
    });
    const people = new Set(valid.groups.flat()).size;
    await this.engine.mutate(this.engine.state, (s) => {
      const p = s.mentoring.pools[valid.poolId]!;
      p.rounds = [...p.rounds.filter((r) => r.slot !== valid.slot), { id: valid.id, slot: valid.slot, createdAt: valid.createdAt, people }].sort((a, b) =>
        a.slot.localeCompare(b.slot),
      );
    });
    return { record: clone(valid), created: true };
  }

  async updateRound(poolId: string, slot: LocalDate, change: Change<PairRound>): Promise<PairRound | undefined> {
    if (!this.engine.state.data.mentoring.pools[poolId]?.rounds.some((r) => r.slot === slot)) return undefined;
    const doc = await this.roundDoc(poolId, slot);
    const current = doc.data;
    const copy = clone(current);
    const proposed = change(copy);
    if (proposed === copy) return clone(current);
    const next = PairRoundSchema.parse({ ...proposed, id: current.id, poolId, slot });
    return this.engine.mutate(doc, (d) => {
      Object.assign(d, next);
      return clone(next);
    });
  }

  /** The rounds the person was grouped in (with whom, and their "did you meet?" answer), for an export. */
  async ofPerson(personId: string): Promise<Array<{ poolId: string; slot: string; with: string[]; met?: unknown }>> {
    const out: Array<{ poolId: string; slot: string; with: string[]; met?: unknown }> = [];
    for (const pool of Object.values(this.engine.state.data.mentoring.pools)) {
      for (const round of await this.rounds(pool.id)) {
        const group = round.groups.find((g) => g.includes(personId));
        if (group) out.push({ poolId: pool.id, slot: round.slot, with: group.filter((id) => id !== personId), ...(round.met[personId] ? { met: round.met[personId] } : {}) });
      }
    }
    return out;
  }

  /** The person's pool memberships, for an export. */
  membershipsOf(personId: string) {
    return Object.values(this.engine.state.data.mentoring.pools)
      .filter((p) => p.members[personId])
      .map((p) => ({ poolId: p.id, ...p.members[personId] }));
  }

  /** Takes the person out of every round's groups and answers (part of an erasure; pool memberships go with mentoring). */
  async erase(personId: string): Promise<void> {
    for (const pool of Object.values(this.engine.state.data.mentoring.pools)) {
      for (const entry of pool.rounds) {
        const doc = await this.roundDoc(pool.id, entry.slot);
        if (!doc.data.groups.some((g) => g.includes(personId))) continue;
        await this.engine.mutate(doc, (d) => {
          d.groups = d.groups.map((g) => g.filter((id) => id !== personId)).filter((g) => g.length > 0);
          delete d.met[personId];
        });
      }
    }
  }
}
