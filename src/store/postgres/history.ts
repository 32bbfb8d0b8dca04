import { CheckInSchema, ReflectionSchema, type CheckIn, type Reflection, type ServedPrompt } from '../../core/model/history.js';
import { HARD_MOOD, HARD_RUN, type Created, type DateRange, type HistoryRepository, type WeekSummary } from '../../core/store/index.js';
import type { LocalDate } from '../../core/time.js';
import type { Executor } from './executor.js';
import { jsonb } from './keyed-table.js';

type Answer = Reflection | CheckIn;
type AnswerTable = 'reflections' | 'check_ins';

/**
 * Reflections and check-ins are rows keyed by id, with a unique (person, key) index doing the
 * idempotency: a retried write with the same platform event id inserts nothing.
 */
export class PgHistory implements HistoryRepository {
  constructor(private readonly db: Executor) {}

  private async add<T extends Answer>(table: AnswerTable, valid: T): Promise<Created<T>> {
    for (;;) {
      const inserted = await this.db.query<{ data: T }>(
        `INSERT INTO ${table} (id, person_id, local_date, at, key, data) VALUES ($1, $2, $3, $4, $5, $6::jsonb)
         ON CONFLICT DO NOTHING RETURNING data`,
        [valid.id, valid.personId, valid.localDate, valid.at, valid.key ?? null, jsonb(valid)],
      );
      if (inserted.rows[0]) return { record: inserted.rows[0].data, created: true };
      const existing = await this.db.query<{ data: T }>(
        `SELECT data FROM ${table} WHERE (person_id = $1 AND key = $2) OR id = $3 ORDER BY (key = $2) DESC NULLS LAST LIMIT 1`,
        [valid.personId, valid.key ?? null, valid.id],
      );
      if (existing.rows[0]) return { record: existing.rows[0].data, created: false };
    }
  }

  private replace<T extends Answer>(table: AnswerTable, valid: T): Promise<T> {
    return this.db.atomic(async (q) => {
      await q.query(`DELETE FROM ${table} WHERE person_id = $1 AND (local_date = $2 OR id = $3)`, [valid.personId, valid.localDate, valid.id]);
      await q.fault(`${table}:replace`);
      await q.query(`INSERT INTO ${table} (id, person_id, local_date, at, key, data) VALUES ($1, $2, $3, $4, $5, $6::jsonb)`, [
        valid.id,
        valid.personId,
        valid.localDate,
        valid.at,
        valid.key ?? null,
        jsonb(valid),
      ]);
      return valid;
    });
  }

  private async range<T>(table: string, personId: string, range: DateRange): Promise<T[]> {
    if (range.from > range.to) return [];
    const { rows } = await this.db.query<{ data: T }>(
      `SELECT data FROM ${table} WHERE person_id = $1 AND local_date BETWEEN $2 AND $3 ORDER BY at, local_date`,
      [personId, range.from, range.to],
    );
    return rows.map((r) => r.data);
  }

  addReflection(reflection: Reflection): Promise<Created<Reflection>> {
    return this.add('reflections', ReflectionSchema.parse(reflection));
  }
  replaceReflection(reflection: Reflection): Promise<Reflection> {
    return this.replace('reflections', ReflectionSchema.parse(reflection));
  }
  reflections(personId: string, range: DateRange): Promise<Reflection[]> {
    return this.range('reflections', personId, range);
  }
  addCheckIn(checkIn: CheckIn): Promise<Created<CheckIn>> {
    return this.add('check_ins', CheckInSchema.parse(checkIn));
  }
  replaceCheckIn(checkIn: CheckIn): Promise<CheckIn> {
    return this.replace('check_ins', CheckInSchema.parse(checkIn));
  }
  checkIns(personId: string, range: DateRange): Promise<CheckIn[]> {
    return this.range('check_ins', personId, range);
  }

  async recordServed(personId: string, served: ServedPrompt): Promise<void> {
    await this.db.query(
      `INSERT INTO served_prompts (person_id, local_date, prompt_id, at, data) VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (person_id, local_date) DO UPDATE SET prompt_id = EXCLUDED.prompt_id, at = EXCLUDED.at, data = EXCLUDED.data`,
      [personId, served.localDate, served.promptId, served.at, jsonb(served)],
    );
  }

  served(personId: string, range: DateRange): Promise<ServedPrompt[]> {
    return this.range('served_prompts', personId, range);
  }

  async latestServed(personId: string, since: LocalDate): Promise<ServedPrompt[]> {
    const { rows } = await this.db.query<{ data: ServedPrompt }>(
      `SELECT data FROM (
         SELECT DISTINCT ON (prompt_id) data, local_date, at FROM served_prompts
         WHERE person_id = $1 AND local_date >= $2 ORDER BY prompt_id, local_date DESC, at DESC
       ) latest ORDER BY local_date, at`,
      [personId, since],
    );
    return rows.map((r) => r.data);
  }

  /**
   * One GROUP BY over the person's check-ins of the range: per team and day the latest check-in, then per
   * (week, team) the sums, and whether HARD_RUN hard check-ins follow each other (gaps and islands).
   */
  async weekSummaries(personId: string, range: DateRange): Promise<WeekSummary[]> {
    if (range.from > range.to) return [];
    const { rows } = await this.db.query<{ week: string; team: string; days: number; mood: number; energy: number; stress: number; first_at: string; words: boolean; hard_run: boolean }>(
      `WITH latest AS (
         SELECT DISTINCT ON (t.team, c.local_date) t.team, c.local_date, c.data->>'at' AS at,
           (c.data->>'mood')::int AS mood, (c.data->>'energy')::int AS energy, (c.data->>'stress')::int AS stress,
           (coalesce(c.data->>'note', '') <> '' AND coalesce((c.data->>'shareNote')::boolean, false)) OR coalesce(c.data->'custom', '{}'::jsonb) <> '{}'::jsonb AS words
         FROM check_ins c CROSS JOIN LATERAL jsonb_array_elements_text(coalesce(c.data->'teams', '[]'::jsonb)) AS t(team)
         WHERE c.person_id = $1 AND c.local_date BETWEEN $2 AND $3
         ORDER BY t.team, c.local_date, c.data->>'at' DESC
       ), days AS (
         SELECT *, to_char(local_date::date - (extract(isodow FROM local_date::date)::int - 1), 'YYYY-MM-DD') AS week, mood <= $4 AS hard FROM latest
       ), islands AS (
         SELECT team, week, hard,
           row_number() OVER (PARTITION BY team, week ORDER BY local_date) - row_number() OVER (PARTITION BY team, week, hard ORDER BY local_date) AS grp
         FROM days
       ), runs AS (
         SELECT team, week, bool_or(hard AND n >= $5) AS hard_run
         FROM (SELECT team, week, hard, grp, count(*) AS n FROM islands GROUP BY team, week, hard, grp) i GROUP BY team, week
       )
       SELECT d.week, d.team, count(*)::int AS days, sum(d.mood)::int AS mood, sum(d.energy)::int AS energy, sum(d.stress)::int AS stress,
         min(d.at) AS first_at, bool_or(d.words) AS words, r.hard_run
       FROM days d JOIN runs r USING (team, week) GROUP BY d.week, d.team, r.hard_run ORDER BY d.week, d.team COLLATE "C"`,
      [personId, range.from, range.to, HARD_MOOD, HARD_RUN],
    );
    return rows.map((r) => ({
      personId,
      teamId: r.team,
      week: r.week,
      days: r.days,
      mood: r.mood,
      energy: r.energy,
      stress: r.stress,
      hardRun: r.hard_run,
      firstAt: r.first_at,
      words: r.words,
    }));
  }

  async months(personId: string): Promise<string[]> {
    const { rows } = await this.db.query<{ month: string }>(
      `SELECT DISTINCT substr(local_date, 1, 7) AS month FROM (
         SELECT local_date FROM reflections WHERE person_id = $1
         UNION ALL SELECT local_date FROM check_ins WHERE person_id = $1
         UNION ALL SELECT local_date FROM served_prompts WHERE person_id = $1
       ) d ORDER BY month`,
      [personId],
    );
    return rows.map((r) => r.month);
  }
}
