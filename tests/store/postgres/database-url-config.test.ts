import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';

describe('DATABASE_URL', () => {
  it('unset, Attune keeps the embedded store in ATTUNE_DATA_DIR', () => {
    expect(loadConfig({}).databaseUrl).toBeUndefined();
  });

  it('given a postgres:// or postgresql:// URL, the PostgreSQL store is chosen', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://attune:pw@db:5432/attune' }).databaseUrl).toBe('postgres://attune:pw@db:5432/attune');
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/attune' }).databaseUrl).toBe('postgresql://db/attune');
  });

  it('given something else, start-up names the variable, hides its value (it may hold a password) and shows the form', () => {
    for (const bad of ['mysql://db/attune', 'postgres://db', 'db:5432/attune']) {
      expect(() => loadConfig({ DATABASE_URL: bad })).toThrow(
        'DATABASE_URL: got (hidden); expected a PostgreSQL URL such as postgres://attune:secret@db.internal:5432/attune (or leave it unset for the embedded store)',
      );
    }
  });
});
