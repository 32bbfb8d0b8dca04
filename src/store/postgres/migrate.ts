import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type pg from 'pg';

/** Where the versioned SQL files live: NNN-name.sql, applied in order, each once. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** One key for every Attune replica: whoever holds it migrates, the others wait and then find nothing to do. */
const MIGRATION_LOCK = 4_147_381_201;

const FILE_NAME = /^(\d{3})-([a-z0-9-]+)\.sql$/;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The database was migrated by a newer Attune than this one: running on it could corrupt what that one wrote. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly databaseVersion: number,
    readonly knownVersion: number,
  ) {
    super(
      `The database's schema is at version ${databaseVersion}, newer than this Attune knows (${knownVersion}). ` +
        'Run the newer Attune, or restore a backup taken before the upgrade.',
    );
    this.name = 'SchemaTooNewError';
  }
}

export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = FILE_NAME.exec(file);
    if (!match) throw new Error(`Migration file ${path.join(dir, file)} is misnamed: expected NNN-name.sql, such as 002-outbox.sql`);
    const version = Number(match[1]);
    if (migrations.some((m) => m.version === version)) throw new Error(`Two migration files have version ${match[1]} in ${dir}`);
    migrations.push({ version, name: match[2]!, sql: await readFile(path.join(dir, file), 'utf8') });
  }
  return migrations;
}

/**
 * Brings the schema up to date. Runs under a session advisory lock, so replicas starting at once
 * migrate once: the first applies each missing version in its own transaction, the others wait for
 * the lock and then find every version recorded. Returns the versions this call applied.
 */
export async function migrate(pool: pg.Pool, migrations?: Migration[]): Promise<number[]> {
  const all = migrations ?? (await loadMigrations());
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      const known = Math.max(0, ...all.map((m) => m.version));
      const newest = Math.max(0, ...done);
      if (newest > known) throw new SchemaTooNewError(newest, known);
      const applied: number[] = [];
      for (const m of all) {
        if (done.has(m.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw new Error(`Migration ${String(m.version).padStart(3, '0')}-${m.name} failed and was rolled back: ${(err as Error).message}`, { cause: err });
        }
        applied.push(m.version);
      }
      return applied;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
