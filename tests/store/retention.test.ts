import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { openLowdbStore } from '../../src/store/lowdb/open-lowdb-store.js';

const now = new Date('2026-03-02T10:00:00Z');
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'attune-retention-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const delivery = (personId: string, localDate: string) => ({ personId, job: 'daily-prompt', localDate, status: 'sent' as const, dueAt: `${localDate}T09:30:00.000Z`, updatedAt: `${localDate}T09:30:01.000Z`, attempts: 1 });

describe('the delivery ledger is kept for a window', () => {
  it('deletes ledger days older than 35 days when the store opens, and keeps the recent ones', async () => {
    const store = await openLowdbStore({ dataDir: dir, now });
    for (const date of ['2026-01-01', '2026-01-25', '2026-01-26', '2026-03-01']) await store.ledger.claim(delivery('shell:ann', date));
    await store.close();
    const reopened = await openLowdbStore({ dataDir: dir, now });
    expect((await readdir(path.join(dir, 'ledger'))).sort()).toEqual(['2026-01-26', '2026-03-01']);
    expect(await reopened.ledger.get('shell:ann', 'daily-prompt', '2026-01-25')).toBeUndefined();
    expect(await reopened.ledger.get('shell:ann', 'daily-prompt', '2026-01-26')).toMatchObject({ status: 'sent' });
    await reopened.close();
  });

  it("moves a kept day of the older 16-shard layout into today's shards at open, keeping every entry, and finishes a move cut short", async () => {
    // As a store of the older layout left it: ledger/<date>/NN.json, one shard holding several people.
    const day = path.join(dir, 'ledger', '2026-03-01');
    await mkdir(day, { recursive: true });
    const entries = (ids: string[]) => Object.fromEntries(ids.map((id) => [`${id}|daily-prompt|2026-03-01`, delivery(id, '2026-03-01')]));
    await writeFile(path.join(day, '03.json'), JSON.stringify({ version: 1, localDate: '2026-03-01', deliveries: entries(['shell:ann', 'shell:bob', 'shell:cy']) }));
    await writeFile(path.join(day, '11.json'), JSON.stringify({ version: 1, localDate: '2026-03-01', deliveries: entries(['shell:dee']) }));
    const store = await openLowdbStore({ dataDir: dir, now });
    expect((await store.ledger.on('2026-03-01')).map((d) => d.personId).sort()).toEqual(['shell:ann', 'shell:bob', 'shell:cy', 'shell:dee']);
    expect((await readdir(day)).filter((n) => /^\d+\.json$/.test(n))).toEqual([]);
    // A move cut short: the old file came back beside the new shards (say, restored from a backup with one entry changed).
    await store.ledger.update('shell:ann', 'daily-prompt', '2026-03-01', (d) => ({ ...d, status: 'failed' }));
    await store.close();
    await writeFile(path.join(day, '03.json'), JSON.stringify({ version: 1, localDate: '2026-03-01', deliveries: entries(['shell:ann', 'shell:eve']) }));
    const again = await openLowdbStore({ dataDir: dir, now });
    // What the new shards hold wins; what only the old file held is added.
    expect(await again.ledger.get('shell:ann', 'daily-prompt', '2026-03-01')).toMatchObject({ status: 'failed' });
    expect((await again.ledger.on('2026-03-01')).map((d) => d.personId).sort()).toEqual(['shell:ann', 'shell:bob', 'shell:cy', 'shell:dee', 'shell:eve']);
    await again.close();
  });

  it('keeps as many days as ATTUNE_LEDGER_RETENTION_DAYS says', async () => {
    const store = await openLowdbStore({ dataDir: dir, now, ledgerRetentionDays: 400 });
    await store.ledger.claim(delivery('shell:ann', '2025-03-01'));
    await store.close();
    const reopened = await openLowdbStore({ dataDir: dir, now, ledgerRetentionDays: 400 });
    expect(await reopened.ledger.get('shell:ann', 'daily-prompt', '2025-03-01')).toMatchObject({ status: 'sent' });
    await reopened.close();
    expect(loadConfig({ ATTUNE_LEDGER_RETENTION_DAYS: '90' }).ledgerRetentionDays).toBe(90);
    expect(loadConfig({}).ledgerRetentionDays).toBe(35);
  });

  it('refuses a retention too short for the scheduler, saying what to type', () => {
    const err = (() => {
      try {
        loadConfig({ ATTUNE_LEDGER_RETENTION_DAYS: '1' });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toContain('ATTUNE_LEDGER_RETENTION_DAYS');
    expect((err as Error).message).toContain('a whole number of days from 3 to 3650');
  });
});

describe('platform event keys', () => {
  it('recognises a retried event after a restart, and forgets keys after two days', async () => {
    const store = await openLowdbStore({ dataDir: dir, now });
    expect(await store.events.claim('Ev1', now)).toBe(true);
    for (let k = 0; k < 300; k++) await store.events.claim(`EvFill${k}`, now);
    await store.close();
    const later = new Date('2026-03-03T09:00:00Z');
    const reopened = await openLowdbStore({ dataDir: dir, now: later });
    expect(await reopened.events.claim('Ev1', later)).toBe(false);
    expect(await reopened.events.claim('EvFill299', later)).toBe(false);
    await reopened.close();
    const muchLater = new Date('2026-03-05T09:00:00Z');
    const third = await openLowdbStore({ dataDir: dir, now: muchLater });
    expect(await third.events.claim('Ev1', muchLater)).toBe(true);
    await third.close();
  });

  it('spreads a day of keys over small files, so a claim rewrites a small one', async () => {
    const store = await openLowdbStore({ dataDir: dir, now });
    for (let k = 0; k < 640; k++) await store.events.claim(`EvSpread${k}`, now);
    await store.close();
    const files = await readdir(path.join(dir, 'events', '2026-03-02'));
    expect(files.length).toBeGreaterThan(32);
  });

  it("appends each claim as a line of its shard's log, and still recognises keys in the previous layout's JSON shards", async () => {
    const day = path.join(dir, 'events', '2026-03-02');
    await mkdir(day, { recursive: true });
    await writeFile(path.join(dir, 'state.json'), JSON.stringify({ version: 1 }));
    // The previous layout: s<hex>.json per shard, rewritten whole on each claim.
    const { eventShard } = await import('../../src/store/lowdb/paths.js');
    const shard = eventShard('EvJson').toString(16).padStart(3, '0');
    await writeFile(path.join(day, `s${shard}.json`), JSON.stringify({ version: 1, day: '2026-03-02', keys: { EvJson: '2026-03-02T08:00:00.000Z' } }));
    const store = await openLowdbStore({ dataDir: dir, now });
    expect(await store.events.claim('EvJson', now)).toBe(false);
    expect(await store.events.claim('EvLine', now)).toBe(true);
    await store.close();
    const log = path.join(day, `s${eventShard('EvLine').toString(16).padStart(3, '0')}.log`);
    expect(JSON.parse((await readFile(log, 'utf8')).trim())).toEqual({ k: 'EvLine', at: now.toISOString() });
    // A claim cut short by a crash (never acknowledged) is not a claim: the retry is taken.
    await writeFile(log, (await readFile(log, 'utf8')) + '{"k":"EvTorn","a');
    const reopened = await openLowdbStore({ dataDir: dir, now });
    expect(await reopened.events.claim('EvLine', now)).toBe(false);
    expect(await reopened.events.claim('EvJson', now)).toBe(false);
    await reopened.close();
  });

  it('keeps recognising the keys of the older one-file-a-day layout after an upgrade', async () => {
    await mkdir(path.join(dir, 'events'), { recursive: true });
    await writeFile(path.join(dir, 'state.json'), JSON.stringify({ version: 1 }));
    await writeFile(path.join(dir, 'events', '2026-03-02.json'), JSON.stringify({ version: 1, day: '2026-03-02', keys: { EvOld: '2026-03-02T08:00:00.000Z' } }));
    const store = await openLowdbStore({ dataDir: dir, now });
    expect(await store.events.claim('EvOld', now)).toBe(false);
    expect(await store.events.claim('EvNew', now)).toBe(true);
    await store.close();
    expect(await readdir(path.join(dir, 'events'))).not.toContain('2026-03-02.json');
  });

  it('keeps recognising the keys of the older 256-shard layout, moving them into the new shards once', async () => {
    const day = path.join(dir, 'events', '2026-03-02');
    await mkdir(day, { recursive: true });
    await writeFile(path.join(dir, 'state.json'), JSON.stringify({ version: 1 }));
    await writeFile(path.join(day, '17.json'), JSON.stringify({ version: 1, day: '2026-03-02', keys: { EvA: '2026-03-02T08:00:00.000Z' } }));
    await writeFile(path.join(day, '203.json'), JSON.stringify({ version: 1, day: '2026-03-02', keys: { EvB: '2026-03-02T08:01:00.000Z' } }));
    const store = await openLowdbStore({ dataDir: dir, now });
    expect(await store.events.claim('EvA', now)).toBe(false);
    expect(await store.events.claim('EvB', now)).toBe(false);
    expect(await store.events.claim('EvC', now)).toBe(true);
    await store.close();
    expect((await readdir(day)).filter((n) => /^\d+\.json$/.test(n))).toEqual([]);
    const reopened = await openLowdbStore({ dataDir: dir, now });
    expect(await reopened.events.claim('EvA', now)).toBe(false);
    expect(await reopened.events.claim('EvC', now)).toBe(false);
    await reopened.close();
  });
});

