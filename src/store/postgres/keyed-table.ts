import type { ZodType } from 'zod';
import type { Change, Created } from '../../core/store/index.js';
import type { Executor } from './executor.js';

/** How one table of whole records (an id, maybe a few key columns, the record as jsonb) is reached. */
export interface TableSpec<T> {
  table: string;
  schema: ZodType<T>;
  id(record: T): string;
  /** Columns kept beside `data` for queries (name -> value from the record). */
  columns?: Record<string, (record: T) => unknown>;
  /** Query fields a list may filter on (field -> SQL expression). */
  filters?: Record<string, string>;
}

export const jsonb = (value: unknown): string => JSON.stringify(value ?? null);

/** The SQL of an insert of one record: its id, its key columns and its data. */
function insertParts<T>(spec: TableSpec<T>, record: T) {
  const extra = Object.entries(spec.columns ?? {});
  const names = ['id', ...extra.map(([name]) => name), 'data'];
  const values = [spec.id(record), ...extra.map(([, get]) => get(record)), jsonb(record)];
  const slots = values.map((_, i) => (i === values.length - 1 ? `$${i + 1}::jsonb` : `$${i + 1}`));
  return { names, values, slots };
}

/**
 * A keyed collection over one table: create-if-absent (INSERT ... ON CONFLICT DO NOTHING RETURNING),
 * update-by-function (SELECT ... FOR UPDATE, then UPDATE, in one transaction), remove.
 */
export class KeyedTable<T, Q extends object = Record<string, never>> {
  constructor(
    private readonly db: Executor,
    private readonly spec: TableSpec<T>,
  ) {}

  async get(id: string): Promise<T | undefined> {
    const { rows } = await this.db.query<{ data: T }>(`SELECT data FROM ${this.spec.table} WHERE id = $1`, [id]);
    return rows[0]?.data;
  }

  async list(query?: Q): Promise<T[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    for (const [field, value] of Object.entries(query ?? {})) {
      if (value === undefined) continue;
      const expr = this.spec.filters?.[field];
      if (!expr) throw new Error(`${this.spec.table} cannot be listed by ${field}`);
      params.push(value);
      where.push(`${expr} = $${params.length}`);
    }
    const sql = `SELECT data FROM ${this.spec.table}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY id`;
    return (await this.db.query<{ data: T }>(sql, params)).rows.map((r) => r.data);
  }

  async create(record: T): Promise<Created<T>> {
    const valid = this.spec.schema.parse(record);
    const { names, values, slots } = insertParts(this.spec, valid);
    for (;;) {
      const inserted = await this.db.query<{ data: T }>(
        `INSERT INTO ${this.spec.table} (${names.join(', ')}) VALUES (${slots.join(', ')}) ON CONFLICT (id) DO NOTHING RETURNING data`,
        values,
      );
      if (inserted.rows[0]) return { record: inserted.rows[0].data, created: true };
      const existing = await this.get(this.spec.id(valid));
      // Removed between the two statements: try the insert again.
      if (existing) return { record: existing, created: false };
    }
  }

  update(id: string, change: Change<T>): Promise<T | undefined> {
    return this.db.atomic(async (q) => {
      const { rows } = await q.query<{ data: T }>(`SELECT data FROM ${this.spec.table} WHERE id = $1 FOR UPDATE`, [id]);
      const current = rows[0]?.data;
      if (current === undefined) return undefined;
      const next = change(current);
      if (next === current) return current;
      const valid = this.spec.schema.parse(next);
      if (this.spec.id(valid) !== id) throw new Error(`An update cannot change a record's id (${id} -> ${this.spec.id(valid)})`);
      const { names, values } = insertParts(this.spec, valid);
      const sets = names.slice(1).map((n, i) => `${n} = $${i + 2}${n === 'data' ? '::jsonb' : ''}`);
      await q.fault(`${this.spec.table}:update`);
      await q.query(`UPDATE ${this.spec.table} SET ${sets.join(', ')} WHERE id = $1`, values);
      return valid;
    });
  }

  async remove(id: string): Promise<boolean> {
    const { rowCount } = await this.db.query(`DELETE FROM ${this.spec.table} WHERE id = $1`, [id]);
    return (rowCount ?? 0) > 0;
  }
}
