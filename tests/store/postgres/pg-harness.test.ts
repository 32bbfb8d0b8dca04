import { describe, expect, it, vi } from 'vitest';
import { probePgServer } from '../../helpers/pg-database.js';

// Port 1 on localhost: nothing listens there, so the probe fails fast.
const NOWHERE = 'postgres://postgres@127.0.0.1:1/test';

describe('the PostgreSQL test harness', () => {
  it('given CI=true and no server answering, the PostgreSQL tests fail loudly instead of vanishing', async () => {
    await expect(probePgServer({ CI: 'true', ATTUNE_TEST_PG: NOWHERE })).rejects.toThrow(/PostgreSQL tests must run here \(CI=true\) but cannot reach/);
  });

  it('given ATTUNE_TEST_PG set on a laptop and no server, they fail too: the developer asked for them', async () => {
    await expect(probePgServer({ ATTUNE_TEST_PG: NOWHERE })).rejects.toThrow(/ATTUNE_TEST_PG is set/);
  });

  it('given a laptop without PostgreSQL and nothing set, they are off and say how to enable them', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const result = await probePgServer({}, NOWHERE);
    const said = warn.mock.calls.map((c) => String(c[0]));
    warn.mockRestore();
    expect(result).toEqual({ available: false, reason: expect.stringContaining(`cannot reach ${NOWHERE}`) });
    expect(said[0]).toContain('ATTUNE_TEST_PG=postgres://postgres@127.0.0.1:5432/test');
  });
});
