import { emptyNudgeState, NudgeStateSchema, SupportResourcesSchema, type NudgeState, type SupportResources } from '../../core/model/nudges.js';
import type { Change, NudgesRepository } from '../../core/store/index.js';
import type { Executor } from './executor.js';
import { jsonb } from './keyed-table.js';

export class PgNudges implements NudgesRepository {
  constructor(private readonly db: Executor) {}

  async get(personId: string): Promise<NudgeState> {
    const { rows } = await this.db.query<{ data: NudgeState }>('SELECT data FROM nudge_states WHERE person_id = $1', [personId]);
    return rows[0]?.data ?? emptyNudgeState();
  }

  /**
   * Locks the person's row, or (none yet) inserts the first state; two first updates at once: the
   * loser's insert finds the row and runs its change again on the winner's state.
   */
  async update(personId: string, change: Change<NudgeState>): Promise<NudgeState> {
    for (;;) {
      const result = await this.db.atomic(async (q) => {
        const { rows } = await q.query<{ data: NudgeState }>('SELECT data FROM nudge_states WHERE person_id = $1 FOR UPDATE', [personId]);
        const current = rows[0]?.data;
        const base = current ?? emptyNudgeState();
        const next = change(base);
        if (next === base) return { state: base };
        const valid = NudgeStateSchema.parse(next);
        await q.fault('nudge_states:update');
        if (current) {
          await q.query('UPDATE nudge_states SET data = $2::jsonb WHERE person_id = $1', [personId, jsonb(valid)]);
          return { state: valid };
        }
        const inserted = await q.query('INSERT INTO nudge_states (person_id, data) VALUES ($1, $2::jsonb) ON CONFLICT DO NOTHING RETURNING 1', [personId, jsonb(valid)]);
        return inserted.rowCount === 1 ? { state: valid } : undefined;
      });
      if (result) return result.state;
    }
  }

  async supportResources(workspace: string): Promise<SupportResources | undefined> {
    const { rows } = await this.db.query<{ data: SupportResources }>('SELECT data FROM support_resources WHERE workspace = $1', [workspace]);
    return rows[0]?.data;
  }

  async setSupportResources(workspace: string, resources: SupportResources | undefined): Promise<void> {
    if (!resources) {
      await this.db.query('DELETE FROM support_resources WHERE workspace = $1', [workspace]);
      return;
    }
    const valid = SupportResourcesSchema.parse(resources);
    await this.db.query(
      'INSERT INTO support_resources (workspace, data) VALUES ($1, $2::jsonb) ON CONFLICT (workspace) DO UPDATE SET data = EXCLUDED.data',
      [workspace, jsonb(valid)],
    );
  }
}
