import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { addDays } from '../../src/core/time.js';
import { openLowdbStore } from '../../src/store/lowdb/open-lowdb-store.js';
import { personFolder } from '../../src/store/lowdb/paths.js';

const now = new Date('2026-03-02T10:00:00Z');
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'attune-served-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const served = (localDate: string, promptId: string) => ({ localDate, promptId, component: 'empathy' as const, at: `${localDate}T09:30:00.000Z` });

it('answers rotation from the index: the latest serve of each prompt since a date, also after a restart and when the index must be rebuilt', async () => {
  const store = await openLowdbStore({ dataDir: dir, now });
  for (let d = 0; d < 200; d++) await store.history.recordServed('shell:ann', served(addDays('2025-08-01', d), `p${d % 7}`));
  // A second prompt the same day replaces the first (p3 of 2026-02-16): p3's latest serve is a week earlier again.
  await store.history.recordServed('shell:ann', served('2026-02-16', 'p-late'));
  const expected = await store.history.latestServed('shell:ann', '2026-01-01');
  expect(expected.map((s) => `${s.promptId}@${s.localDate.slice(5)}`)).toEqual(['p3@02-09', 'p4@02-10', 'p5@02-11', 'p6@02-12', 'p0@02-13', 'p1@02-14', 'p2@02-15', 'p-late@02-16']);
  expect(await store.history.latestServed('shell:ann', '2026-02-12')).toHaveLength(5);
  await store.close();

  const reopened = await openLowdbStore({ dataDir: dir, now });
  expect(await reopened.history.latestServed('shell:ann', '2026-01-01')).toEqual(expected);
  await reopened.close();

  // Data written before the index existed (or an index lost): rebuilt from the months, same answer.
  await rm(path.join(dir, 'history', personFolder('shell:ann'), 'served-index.json'));
  const rebuilt = await openLowdbStore({ dataDir: dir, now });
  expect(await rebuilt.history.latestServed('shell:ann', '2026-01-01')).toEqual(expected);
  await rebuilt.close();
});
