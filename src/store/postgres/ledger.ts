import { DeliverySchema, type Delivery } from '../../core/model/delivery.js';
import type { Change, LedgerRepository } from '../../core/store/index.js';
import type { LocalDate } from '../../core/time.js';
import type { Executor } from './executor.js';
import { jsonb } from './keyed-table.js';

/**
 * The delivery ledger. Its primary key (person, job, local date) decides which replica sends:
 * `claim` is one INSERT ... ON CONFLICT DO NOTHING RETURNING, and only the row's inserter gets true.
 */
export class PgLedger implements LedgerRepository {
  constructor(private readonly db: Executor) {}

  async get(personId: string, job: string, localDate: LocalDate): Promise<Delivery | undefined> {
    const { rows } = await this.db.query<{ data: Delivery }>('SELECT data FROM deliveries WHERE person_id = $1 AND job = $2 AND local_date = $3', [
      personId,
      job,
      localDate,
    ]);
    return rows[0]?.data;
  }

  async claim(delivery: Delivery): Promise<boolean> {
    const valid = DeliverySchema.parse(delivery);
    const { rowCount } = await this.db.query(
      `INSERT INTO deliveries (person_id, job, local_date, status, data) VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (person_id, job, local_date) DO NOTHING RETURNING 1`,
      [valid.personId, valid.job, valid.localDate, valid.status, jsonb(valid)],
    );
    return rowCount === 1;
  }

  update(personId: string, job: string, localDate: LocalDate, change: Change<Delivery>): Promise<Delivery | undefined> {
    return this.db.atomic(async (q) => {
      const key = [personId, job, localDate];
      const { rows } = await q.query<{ data: Delivery }>('SELECT data FROM deliveries WHERE person_id = $1 AND job = $2 AND local_date = $3 FOR UPDATE', key);
      const current = rows[0]?.data;
      if (current === undefined) return undefined;
      const next = change(current);
      if (next === current) return current;
      const valid = DeliverySchema.parse(next);
      if (valid.personId !== personId || valid.job !== job || valid.localDate !== localDate) throw new Error('An update cannot change a delivery\'s key');
      await q.fault('deliveries:update');
      await q.query('UPDATE deliveries SET status = $4, data = $5::jsonb WHERE person_id = $1 AND job = $2 AND local_date = $3', [...key, valid.status, jsonb(valid)]);
      return valid;
    });
  }

  async on(localDate: LocalDate): Promise<Delivery[]> {
    const { rows } = await this.db.query<{ data: Delivery }>('SELECT data FROM deliveries WHERE local_date = $1 ORDER BY person_id, job', [localDate]);
    return rows.map((r) => r.data);
  }

  async prune(before: LocalDate): Promise<number> {
    const { rowCount } = await this.db.query('DELETE FROM deliveries WHERE local_date < $1', [before]);
    return rowCount ?? 0;
  }
}
