import { PairPoolSchema, PairRoundSchema, type PairPool, type PairRound, type RoundIndexEntry } from '../../core/model/mentoring.js';
import type { Change, Created, PairingRepository } from '../../core/store/index.js';
import type { LocalDate } from '../../core/time.js';
import type { Executor } from './executor.js';
import { jsonb } from './keyed-table.js';

function indexEntry(round: PairRound): RoundIndexEntry {
  return { id: round.id, slot: round.slot, createdAt: round.createdAt, people: new Set(round.groups.flat()).size };
}

/**
 * Pools and rounds. A pool's `rounds` index is not stored with the pool: it is read from pair_rounds,
 * so it always lists exactly the rounds there are, whatever a caller put in the pool.
 */
export class PgPairing implements PairingRepository {
  constructor(private readonly db: Executor) {}

  private async withRounds(pools: PairPool[], q: Executor = this.db): Promise<PairPool[]> {
    if (pools.length === 0) return [];
    const { rows } = await q.query<{ pool_id: string; data: PairRound }>(
      'SELECT pool_id, data FROM pair_rounds WHERE pool_id = ANY($1::text[]) ORDER BY pool_id, slot',
      [pools.map((p) => p.id)],
    );
    return pools.map((p) => ({ ...p, rounds: rows.filter((r) => r.pool_id === p.id).map((r) => indexEntry(r.data)) }));
  }

  async pool(id: string): Promise<PairPool | undefined> {
    const { rows } = await this.db.query<{ data: PairPool }>('SELECT data FROM pair_pools WHERE id = $1', [id]);
    return rows[0] ? (await this.withRounds([rows[0].data]))[0] : undefined;
  }

  async pools(workspace?: string): Promise<PairPool[]> {
    const { rows } = workspace
      ? await this.db.query<{ data: PairPool }>('SELECT data FROM pair_pools WHERE workspace = $1 ORDER BY id', [workspace])
      : await this.db.query<{ data: PairPool }>('SELECT data FROM pair_pools ORDER BY id');
    return this.withRounds(rows.map((r) => r.data));
  }

  async createPool(pool: PairPool): Promise<Created<PairPool>> {
    const valid = { ...PairPoolSchema.parse(pool), rounds: [] };
    for (;;) {
      const inserted = await this.db.query('INSERT INTO pair_pools (id, workspace, data) VALUES ($1, $2, $3::jsonb) ON CONFLICT (id) DO NOTHING RETURNING 1', [
        valid.id,
        valid.workspace,
        jsonb(valid),
      ]);
      if (inserted.rowCount === 1) return { record: (await this.withRounds([valid]))[0]!, created: true };
      const existing = await this.pool(valid.id);
      if (existing) return { record: existing, created: false };
    }
  }

  updatePool(id: string, change: Change<PairPool>): Promise<PairPool | undefined> {
    return this.db.atomic(async (q) => {
      const { rows } = await q.query<{ data: PairPool }>('SELECT data FROM pair_pools WHERE id = $1 FOR UPDATE', [id]);
      if (!rows[0]) return undefined;
      const current = (await this.withRounds([rows[0].data], q))[0]!;
      const next = change(current);
      if (next === current) return current;
      const valid = { ...PairPoolSchema.parse(next), rounds: [] };
      if (valid.id !== id) throw new Error(`An update cannot change a pool's id (${id} -> ${valid.id})`);
      await q.fault('pair_pools:update');
      await q.query('UPDATE pair_pools SET workspace = $2, data = $3::jsonb WHERE id = $1', [id, valid.workspace, jsonb(valid)]);
      return { ...valid, rounds: current.rounds };
    });
  }

  async round(poolId: string, slot: LocalDate): Promise<PairRound | undefined> {
    const { rows } = await this.db.query<{ data: PairRound }>('SELECT data FROM pair_rounds WHERE pool_id = $1 AND slot = $2', [poolId, slot]);
    return rows[0]?.data;
  }

  async rounds(poolId: string): Promise<PairRound[]> {
    const { rows } = await this.db.query<{ data: PairRound }>('SELECT data FROM pair_rounds WHERE pool_id = $1 ORDER BY slot', [poolId]);
    return rows.map((r) => r.data);
  }

  /** One row per (pool, slot): two replicas making the same round store the first pairing only. */
  async createRound(round: PairRound): Promise<Created<PairRound>> {
    const valid = PairRoundSchema.parse(round);
    for (;;) {
      const inserted = await this.db.query(
        `INSERT INTO pair_rounds (pool_id, slot, data) SELECT $1, $2, $3::jsonb WHERE EXISTS (SELECT 1 FROM pair_pools WHERE id = $1)
         ON CONFLICT (pool_id, slot) DO NOTHING RETURNING 1`,
        [valid.poolId, valid.slot, jsonb(valid)],
      );
      if (inserted.rowCount === 1) return { record: valid, created: true };
      const existing = await this.round(valid.poolId, valid.slot);
      if (existing) return { record: existing, created: false };
      if (!(await this.pool(valid.poolId))) throw new Error(`No pairing pool ${valid.poolId}`);
    }
  }

  updateRound(poolId: string, slot: LocalDate, change: Change<PairRound>): Promise<PairRound | undefined> {
    return this.db.atomic(async (q) => {
      const { rows } = await q.query<{ data: PairRound }>('SELECT data FROM pair_rounds WHERE pool_id = $1 AND slot = $2 FOR UPDATE', [poolId, slot]);
      const current = rows[0]?.data;
      if (current === undefined) return undefined;
      const next = change(current);
      if (next === current) return current;
      const valid = PairRoundSchema.parse(next);
      if (valid.poolId !== poolId || valid.slot !== slot) throw new Error("An update cannot change a round's pool or slot");
      await q.fault('pair_rounds:update');
      await q.query('UPDATE pair_rounds SET data = $3::jsonb WHERE pool_id = $1 AND slot = $2', [poolId, slot, jsonb(valid)]);
      return valid;
    });
  }
}
