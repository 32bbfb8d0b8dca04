import { PublishedQuerySchema, type PublishedQuery } from '../../core/model/digest-ledger.js';
import { DigestWeekSchema, type DigestWeek } from '../../core/model/digest-week.js';
import { DIGEST_WEEKS_KEPT, type DigestRepository } from '../../core/store/index.js';
import type { LocalDate } from '../../core/time.js';
import type { Executor } from './executor.js';
import { jsonb } from './keyed-table.js';

type Entry = { teamId: string; week: DigestWeek; published?: { workspace: string; queries: PublishedQuery[] } };

/**
 * Frozen weeks: ON CONFLICT DO NOTHING makes the first freeze of a (team, week) the one kept, and only
 * the freeze whose insert went in records what it published, in the same transaction.
 */
export class PgDigest implements DigestRepository {
  constructor(private readonly db: Executor) {}

  async weeks(teamId: string): Promise<Record<string, DigestWeek>> {
    const { rows } = await this.db.query<{ week_start: string; data: DigestWeek }>('SELECT week_start, data FROM digest_weeks WHERE team_id = $1 ORDER BY week_start', [teamId]);
    return Object.fromEntries(rows.map((r) => [r.week_start, r.data]));
  }

  async freeze(entries: ReadonlyArray<Entry>): Promise<void> {
    const valid = entries.map((e) => ({
      teamId: e.teamId,
      week: DigestWeekSchema.parse(e.week),
      ...(e.published ? { published: { workspace: e.published.workspace, queries: e.published.queries.map((q) => PublishedQuerySchema.parse(q)) } } : {}),
    }));
    if (valid.length === 0) return;
    await this.db.atomic(async (q) => {
      const workspaces = new Set<string>();
      for (const { teamId, week, published } of valid) {
        const inserted = await q.query('INSERT INTO digest_weeks (team_id, week_start, data) VALUES ($1, $2, $3::jsonb) ON CONFLICT DO NOTHING RETURNING 1', [teamId, week.from, jsonb(week)]);
        if (inserted.rowCount !== 1 || !published) continue;
        for (const query of published.queries) {
          await q.query('INSERT INTO digest_ledger (workspace, week_start, data) VALUES ($1, $2, $3::jsonb)', [published.workspace, week.from, jsonb(query)]);
        }
        workspaces.add(published.workspace);
      }
      await q.fault('digest_weeks:freeze');
      for (const teamId of new Set(valid.map((v) => v.teamId))) {
        await q.query(
          `DELETE FROM digest_weeks WHERE team_id = $1 AND week_start NOT IN
             (SELECT week_start FROM digest_weeks WHERE team_id = $1 ORDER BY week_start DESC LIMIT $2)`,
          [teamId, DIGEST_WEEKS_KEPT],
        );
      }
      for (const workspace of workspaces) {
        await q.query(
          `DELETE FROM digest_ledger WHERE workspace = $1 AND week_start NOT IN
             (SELECT DISTINCT week_start FROM digest_ledger WHERE workspace = $1 ORDER BY week_start DESC LIMIT $2)`,
          [workspace, DIGEST_WEEKS_KEPT],
        );
      }
    });
  }

  async ledgerWeeks(): Promise<Array<{ workspace: string; week: LocalDate }>> {
    const { rows } = await this.db.query<{ workspace: string; week: LocalDate }>('SELECT DISTINCT workspace, week_start AS week FROM digest_ledger ORDER BY week_start, workspace');
    return rows;
  }

  async restoreLedger(workspace: string, week: LocalDate, queries: PublishedQuery[]): Promise<void> {
    const valid = queries.map((q) => PublishedQuerySchema.parse(q));
    await this.db.atomic(async (q) => {
      for (const query of valid) await q.query('INSERT INTO digest_ledger (workspace, week_start, data) VALUES ($1, $2, $3::jsonb)', [workspace, week, jsonb(query)]);
    });
  }

  async ledger(workspace: string, week: LocalDate): Promise<PublishedQuery[]> {
    const { rows } = await this.db.query<{ data: PublishedQuery }>('SELECT data FROM digest_ledger WHERE workspace = $1 AND week_start = $2 ORDER BY seq', [workspace, week]);
    return rows.map((r) => r.data);
  }
}
