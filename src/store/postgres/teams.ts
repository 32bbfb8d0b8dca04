import { isCurrentMember, TeamSchema, type Team } from '../../core/model/team.js';
import type { Change, Created, TeamsRepository } from '../../core/store/index.js';
import type { Executor } from './executor.js';
import { KeyedTable } from './keyed-table.js';

export class PgTeams implements TeamsRepository {
  private readonly table: KeyedTable<Team, { workspace?: string }>;

  constructor(private readonly db: Executor) {
    this.table = new KeyedTable(db, {
      table: 'teams',
      schema: TeamSchema,
      id: (t) => t.id,
      columns: { workspace: (t) => t.workspace },
      filters: { workspace: 'workspace' },
    });
  }

  get(id: string): Promise<Team | undefined> {
    return this.table.get(id);
  }
  list(workspace?: string): Promise<Team[]> {
    return this.table.list({ workspace });
  }
  /** Narrowed by the jsonb containment of the person in `members`; the open interval is checked here. */
  async ofMember(workspace: string, personId: string): Promise<Team[]> {
    const { rows } = await this.db.query<{ data: Team }>(
      `SELECT data FROM teams WHERE workspace = $1 AND data->'members' @> jsonb_build_array(jsonb_build_object('personId', $2::text)) ORDER BY id`,
      [workspace, personId],
    );
    return rows.map((r) => r.data).filter((t) => isCurrentMember(t, personId));
  }
  async everHad(workspace: string, personIds: readonly string[]): Promise<Team[]> {
    if (personIds.length === 0) return [];
    const { rows } = await this.db.query<{ data: Team }>(
      `SELECT data FROM teams WHERE workspace = $1 AND EXISTS (SELECT 1 FROM jsonb_array_elements(data->'members') m WHERE m->>'personId' = ANY($2::text[])) ORDER BY id`,
      [workspace, [...personIds]],
    );
    return rows.map((r) => r.data);
  }
  create(team: Team): Promise<Created<Team>> {
    return this.table.create(team);
  }
  update(id: string, change: Change<Team>): Promise<Team | undefined> {
    return this.table.update(id, change);
  }

  /** The team and its frozen digest weeks, together. */
  remove(id: string): Promise<boolean> {
    return this.db.atomic(async (q) => {
      await q.query('DELETE FROM digest_weeks WHERE team_id = $1', [id]);
      await q.fault('teams:remove');
      const { rowCount } = await q.query('DELETE FROM teams WHERE id = $1', [id]);
      return (rowCount ?? 0) > 0;
    });
  }
}
