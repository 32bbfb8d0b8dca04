import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/store/index.js';
import { openLowdbStore } from '../../src/store/lowdb/open-lowdb-store.js';
import { checkIn, delivery, person, pool, round, team } from './contract/records.js';

const now = new Date('2026-03-02T10:00:00Z');
const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function seed(store: Store): Promise<void> {
  await store.people.create(person('ann'));
  await store.people.create(person('bob'));
  await store.teams.create(team('care', { members: [{ personId: 'shell:ann', from: '2026-03-01T00:00:00.000Z' }] }));
  await store.history.addCheckIn(checkIn('ann', 'c1'));
  await store.ledger.claim(delivery('ann'));
  await store.pairing.createPool(pool('shell', ['ann', 'bob']));
  await store.pairing.createRound(round('shell', '2026-03-09', [['ann', 'bob']]));
}

/** What is left of Ann: whole is [true, 1, 1, 1, 2], gone is [false, 0, 0, 0, 1]. */
async function left(store: Store): Promise<Array<boolean | number>> {
  return [
    Boolean(await store.people.get('shell:ann')),
    (await store.teams.get('shell/care'))!.members.length,
    (await store.history.checkIns('shell:ann', { from: '2026-03-01', to: '2026-03-31' })).length,
    (await store.ledger.on('2026-03-02')).length,
    (await store.pairing.round('shell', '2026-03-09'))!.groups.flat().length,
  ];
}

describe('lowdb engine: kill -9 during a transaction', () => {
  it('a process killed at any step of erasing a person leaves them whole or gone at the next start, and no journal behind', async () => {
    const outcomes: string[] = [];
    for (let step = 0; step < 20; step++) {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'attune-kill-'));
      dirs.push(dataDir);
      const seeding = await openLowdbStore({ dataDir, now });
      await seed(seeding);
      await seeding.close();
      const child = spawnSync(process.execPath, ['--import', 'tsx', 'tests/fixtures/crash-in-transaction.ts', dataDir, String(step)], { encoding: 'utf8' });
      const store = await openLowdbStore({ dataDir, now });
      const after = await left(store);
      await store.close();
      expect((await readdir(dataDir)).filter((n) => n.startsWith('tx-journal'))).toEqual([]);
      if (child.signal !== 'SIGKILL') {
        expect(child.status, child.stderr).toBe(0);
        expect(after).toEqual([false, 0, 0, 0, 1]);
        break;
      }
      expect([[true, 1, 1, 1, 2], [false, 0, 0, 0, 1]]).toContainEqual(after);
      outcomes.push(after[0] ? 'whole' : 'gone');
    }
    // Killed both before the journal (whole) and after it (gone, finished at start-up).
    expect(new Set(outcomes)).toEqual(new Set(['whole', 'gone']));
  }, 120_000);
});
