import { DigestWeekSchema, type DigestWeek } from '../../core/model/digest-week.js';
import { DIGEST_WEEKS_KEPT, type DigestRepository } from '../../core/store/index.js';
import type { Executor } from './executor.js';
import { jsonb } from './keyed-table.js';

/** Frozen weeks: ON CONFLICT DO NOTHING makes the first freeze of a (team, week) the one kept. */
export class PgDigest implements DigestRepository {
  constructor(private readonly db: Executor) {}

  async weeks(teamId: string): Promise<Record<string, DigestWeek>> {
    const { rows } = await this.db.query<{ week_start: string; data: DigestWeek }>('SELECT week_start, data FROM digest_weeks WHERE team_id = $1 ORDER BY week_start', [teamId]);
    return Object.fromEntries(rows.map((r) => [r.week_start, r.data]));
  }

  async freeze(entries: ReadonlyArray<{ teamId: string; week: DigestWeek }>): Promise<void> {
    const valid = entries.map((e) => ({ teamId: e.teamId, week: DigestWeekSchema.parse(e.week) }));
    if (valid.length === 0) return;
    await this.db.atomic(async (q) => {
      for (const { teamId, week } of valid) {
        await q.query('INSERT INTO digest_weeks (team_id, week_start, data) VALUES ($1, $2, $3::jsonb) ON CONFLICT DO NOTHING', [teamId, week.from, jsonb(week)]);
      }
      await q.fault('digest_weeks:freeze');
      for (const teamId of new Set(valid.map((v) => v.teamId))) {
        await q.query(
          `DELETE FROM digest_weeks WHERE team_id = $1 AND week_start NOT IN
             (SELECT week_start FROM digest_weeks WHERE team_id = $1 ORDER BY week_start DESC LIMIT $2)`,
          [teamId, DIGEST_WEEKS_KEPT],
        );
      }
    });
  }
}
