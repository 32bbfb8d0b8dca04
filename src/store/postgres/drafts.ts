import type { DraftsRepository } from '../../core/store/index.js';
import type { Executor } from './executor.js';
import { jsonb } from './keyed-table.js';

export class PgDrafts implements DraftsRepository {
  constructor(private readonly db: Executor) {}

  async get<T>(personId: string, purpose: string, now: Date): Promise<T | undefined> {
    const { rows } = await this.db.query<{ data: T }>('SELECT data FROM drafts WHERE person_id = $1 AND purpose = $2 AND expires_at > $3', [personId, purpose, now]);
    return rows[0]?.data;
  }

  async set(personId: string, purpose: string, data: unknown, expiresAt: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO drafts (person_id, purpose, expires_at, data) VALUES ($1, $2, $3, $4::jsonb)
       ON CONFLICT (person_id, purpose) DO UPDATE SET expires_at = EXCLUDED.expires_at, data = EXCLUDED.data`,
      [personId, purpose, expiresAt, jsonb(data)],
    );
  }

  async clear(personId: string, purpose: string): Promise<void> {
    await this.db.query('DELETE FROM drafts WHERE person_id = $1 AND purpose = $2', [personId, purpose]);
  }
}
