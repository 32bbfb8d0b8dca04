import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it, expect } from 'vitest';

/** The server CI provides (and the default a laptop is probed for). */
export const DEFAULT_TEST_PG = 'postgres://postgres@127.0.0.1:5432/test';

export const HOW_TO_ENABLE =
  'PostgreSQL tests are off: no server answered. To run them, start PostgreSQL and set ' +
  'ATTUNE_TEST_PG=postgres://postgres@127.0.0.1:5432/test (any database the user may CREATE DATABASE from). In CI (CI=true) they always run.';

export type PgTestServer = { available: true; adminUrl: string } | { available: false; reason: string };

let probed: Promise<PgTestServer> | undefined;

/**
 * Whether PostgreSQL tests can run here. In CI, or when ATTUNE_TEST_PG is set, a server that does not
 * answer is an error (the tests must not quietly vanish); on a laptop without one they are off and say how
 * to turn them on.
 */
export function pgTestServer(): Promise<PgTestServer> {
  probed ??= probePgServer(process.env);
  return probed;
}

/** One probe of the server the environment names (pgTestServer caches it per test file). */
export async function probePgServer(env: NodeJS.ProcessEnv, defaultUrl = DEFAULT_TEST_PG): Promise<PgTestServer> {
  {
    const adminUrl = env.ATTUNE_TEST_PG?.trim() || defaultUrl;
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return { available: true as const, adminUrl };
    } catch (err) {
      const why = `cannot reach ${adminUrl}: ${(err as Error).message}`;
      if (env.CI === 'true' || env.CI === '1' || env.ATTUNE_TEST_PG) {
        throw new Error(`PostgreSQL tests must run here (${env.CI ? 'CI=true' : 'ATTUNE_TEST_PG is set'}) but ${why}`);
      }
      console.warn(`${HOW_TO_ENABLE} (${why})`);
      return { available: false as const, reason: why };
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(adminUrl: string, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A fresh, uniquely named database on the test server; drop() removes it even with sessions still open. */
export async function createTestDatabase(adminUrl: string, label = 't'): Promise<TestDatabase> {
  const name = `attune_${label.replace(/[^a-z0-9]/g, '').slice(0, 20)}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => admin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/**
 * A describe block of PostgreSQL tests. Without a server (and outside CI) it holds one test saying how
 * to enable them, so the file neither fails on a laptop nor passes silently.
 */
export async function describePg(name: string, body: (adminUrl: string) => void): Promise<void> {
  const server = await pgTestServer();
  if (server.available) {
    describe(name, () => body(server.adminUrl));
    return;
  }
  describe(name, () => {
    it('is off on this machine: set ATTUNE_TEST_PG to run it', () => {
      expect(server.reason).toMatch(/cannot reach/);
    });
  });
}
