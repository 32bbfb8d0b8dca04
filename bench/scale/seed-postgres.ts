/**
 * The same seeded year (shape.ts) in the PostgreSQL engine's tables, written in bulk (unnest of arrays,
 * 100 people a statement) rather than through the API, which would take hours for a year of 5,000 people.
 */
import type pg from 'pg';
import { person, personYear, team, type Shape } from './shape.js';

const json = (v: unknown) => JSON.stringify(v);

/** Seeds the year; a database an interrupted run left half-seeded is completed (people are seeded 100 at a time, in order). */
export async function seedPostgres(pool: pg.Pool, shape: Shape): Promise<void> {
  const done = Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM people')).rows[0]!.n);
  for (let from = done - (done % 100); from < shape.people; from += 100) {
    const people = Array.from({ length: Math.min(100, shape.people - from) }, (_, k) => from + k);
    const years = people.map((i) => personYear(i, shape));
    const ps = people.map(person);
    const checkins = years.flatMap((y) => y.checkins);
    const reflections = years.flatMap((y) => y.reflections);
    const served = years.flatMap((y, k) => y.served.map((s) => ({ personId: ps[k]!.id, ...s })));
    const ledger = years.flatMap((y) => y.ledger);
    // A batch the interrupted run had started is written again from scratch.
    await pool.query('DELETE FROM people WHERE id = ANY($1::text[])', [ps.map((p) => p.id)]);
    for (const table of ['check_ins', 'reflections', 'served_prompts', 'deliveries']) await pool.query(`DELETE FROM ${table} WHERE person_id = ANY($1::text[])`, [ps.map((p) => p.id)]);
    await pool.query('INSERT INTO people (id, workspace, data) SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[])', [ps.map((p) => p.id), ps.map((p) => p.workspace), ps.map(json)]);
    await pool.query('INSERT INTO check_ins (id, person_id, local_date, at, key, data) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::jsonb[])', [
      checkins.map((c) => c.id),
      checkins.map((c) => c.personId),
      checkins.map((c) => c.localDate),
      checkins.map((c) => c.at),
      checkins.map((c) => c.key ?? null),
      checkins.map(json),
    ]);
    await pool.query('INSERT INTO reflections (id, person_id, local_date, at, key, data) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::jsonb[])', [
      reflections.map((r) => r.id),
      reflections.map((r) => r.personId),
      reflections.map((r) => r.localDate),
      reflections.map((r) => r.at),
      reflections.map((r) => r.key ?? null),
      reflections.map(json),
    ]);
    await pool.query('INSERT INTO served_prompts (person_id, local_date, prompt_id, at, data) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::jsonb[])', [
      served.map((s) => s.personId),
      served.map((s) => s.localDate),
      served.map((s) => s.promptId),
      served.map((s) => s.at),
      served.map(({ personId: _, ...s }) => json(s)),
    ]);
    await pool.query('INSERT INTO deliveries (person_id, job, local_date, status, data) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[])', [
      ledger.map((d) => d.personId),
      ledger.map((d) => d.job),
      ledger.map((d) => d.localDate),
      ledger.map((d) => d.status),
      ledger.map(json),
    ]);
  }
  const teams = Array.from({ length: Math.ceil(shape.people / shape.teamSize) }, (_, t) => team(t, shape));
  await pool.query('INSERT INTO teams (id, workspace, data) SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[]) ON CONFLICT DO NOTHING', [teams.map((t) => t.id), teams.map((t) => t.workspace), teams.map(json)]);
  await pool.query('ANALYZE');
}
