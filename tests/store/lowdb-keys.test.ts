import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/store/index.js';
import { openLowdbStore } from '../../src/store/lowdb/open-lowdb-store.js';
import { match, person } from './contract/records.js';

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'attune-keys-'));
  store = await openLowdbStore({ dataDir: dir, now: new Date('2026-03-02T10:00:00Z') });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('lowdb engine: keys', () => {
  it('an update cannot move a record to another key: the stored record keeps its id', async () => {
    await store.people.create(person('ann'));
    await store.mentoring.matches.create(match('m1', 'ann', 'bob'));
    await store.mentoring.profiles.create({ personId: 'shell:ann', workspace: 'shell', skills: ['empathy'], text: 'x', capacity: 1, since: '2026-03-01T00:00:00.000Z', updatedAt: '2026-03-01T00:00:00.000Z' });
    await store.people.update('shell:ann', (p) => ({ ...p, id: 'shell:zed' }));
    await store.mentoring.matches.update('m1', (x) => ({ ...x, id: 'm2' }));
    await store.mentoring.profiles.update('shell:ann', (p) => ({ ...p, personId: 'shell:zed' }));
    expect([(await store.people.get('shell:ann'))?.id, await store.people.get('shell:zed')]).toEqual(['shell:ann', undefined]);
    expect([(await store.mentoring.matches.get('m1'))?.id, await store.mentoring.matches.get('m2')]).toEqual(['m1', undefined]);
    expect((await store.mentoring.profiles.get('shell:ann'))?.personId).toBe('shell:ann');
  });
});
