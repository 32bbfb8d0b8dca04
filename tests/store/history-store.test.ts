import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckIn, Delivery, Reflection } from '../../src/core/model/index.js';
import { openLowdbStore } from '../../src/store/lowdb/open-lowdb-store.js';
import { personFolder } from '../../src/store/lowdb/paths.js';
import { makeTestApp, type TestApp } from '../helpers/test-app.js';
import { putPerson, putTeam } from '../helpers/seed.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
});
afterEach(async () => {
  await app.cleanup();
});

const checkIn = (personId: string, localDate: string, extra: Partial<CheckIn> = {}): CheckIn => ({
  id: `${personId}-${localDate}-${Math.random()}`,
  personId,
  at: `${localDate}T16:00:00.000Z`,
  localDate,
  mood: 3,
  energy: 3,
  stress: 3,
  shareNote: false,
  teams: [],
  custom: {},
  ...extra,
});

const reflection = (personId: string, localDate: string, answer: string, key?: string): Reflection => ({
  id: `${localDate}-${answer}`,
  personId,
  at: `${localDate}T09:30:00.000Z`,
  localDate,
  promptId: 'sa-001',
  component: 'self-awareness',
  answer,
  ...(key ? { key } : {}),
});

describe('history partitions', () => {
  it('stores a retried write with the same idempotency key once', async () => {
    const first = await app.store.history.addCheckIn(checkIn('shell:ann', '2026-03-02', { key: 'Ev123' }));
    const retry = await app.store.history.addCheckIn(checkIn('shell:ann', '2026-03-02', { key: 'Ev123', mood: 5 }));
    expect(first.created).toBe(true);
    expect(retry).toEqual({ record: first.record, created: false });
    expect(await app.store.history.checkIns('shell:ann', { from: '2026-03-01', to: '2026-03-31' })).toHaveLength(1);
  });

  it('recognises a retry that lands after midnight on the first of the month', async () => {
    await app.store.history.addReflection(reflection('shell:ann', '2026-02-28', 'late answer', 'Ev9'));
    const retry = await app.store.history.addReflection(reflection('shell:ann', '2026-03-01', 'late answer', 'Ev9'));
    expect(retry.created).toBe(false);
  });

  it('keeps each person-month in its own file', async () => {
    await app.store.history.addCheckIn(checkIn('slack:T1:U1', '2026-01-15'));
    await app.store.history.addCheckIn(checkIn('slack:T1:U1', '2026-03-02'));
    await app.store.history.addCheckIn(checkIn('shell:bob', '2026-03-02'));
    const folders = (await readdir(path.join(app.dataDir, 'history'))).sort();
    expect(folders).toEqual([personFolder('shell:bob'), personFolder('slack:T1:U1')].sort());
    expect((await readdir(path.join(app.dataDir, 'history', personFolder('slack:T1:U1')))).sort()).toEqual(['2026-01.json', '2026-03.json']);
    expect(await app.store.history.months('slack:T1:U1')).toEqual(['2026-01', '2026-03']);
  });

  it('loads only the partitions a request needs: a damaged old month does not stop this month', async () => {
    await app.store.history.addCheckIn(checkIn('shell:ann', '2026-01-15'));
    await app.store.history.addCheckIn(checkIn('shell:ann', '2026-03-02'));
    await app.store.close();
    const old = path.join(app.dataDir, 'history', personFolder('shell:ann'), '2026-01.json');
    await writeFile(old, 'garbage');
    const store = await openLowdbStore({ dataDir: app.dataDir, now: app.clock.now() });
    expect((await store.history.checkIns('shell:ann', { from: '2026-03-01', to: '2026-03-31' })).map((c) => c.localDate)).toEqual(['2026-03-02']);
    await expect(store.history.checkIns('shell:ann', { from: '2026-01-01', to: '2026-03-31' })).rejects.toThrow(`Attune cannot use its store file ${old}: it is not valid JSON`);
    expect(await readFile(old, 'utf8')).toBe('garbage');
    await store.close();
    app.store = await openLowdbStore({ dataDir: app.dataDir, now: app.clock.now() });
  });

  it('makes concurrent writes durable together and keeps every one', async () => {
    const writes = Array.from({ length: 50 }, (_, i) => app.store.history.addCheckIn(checkIn('shell:ann', `2026-03-${String((i % 28) + 1).padStart(2, '0')}`, { id: `c${i}` })));
    await Promise.all(writes);
    const onDisk = JSON.parse(await readFile(path.join(app.dataDir, 'history', personFolder('shell:ann'), '2026-03.json'), 'utf8'));
    expect(onDisk.checkins).toHaveLength(50);
  });

  it('replaces the reflection of a local date without touching other days', async () => {
    await app.store.history.addReflection(reflection('shell:ann', '2026-03-01', 'sunday'));
    await app.store.history.addReflection(reflection('shell:ann', '2026-03-02', 'first'));
    await app.store.history.replaceReflection(reflection('shell:ann', '2026-03-02', 'second'));
    const all = await app.store.history.reflections('shell:ann', { from: '2026-03-01', to: '2026-03-02' });
    expect(all.map((r) => r.answer)).toEqual(['sunday', 'second']);
  });
});

describe('delivery ledger and event keys', () => {
  const delivery = (personId: string): Delivery => ({
    personId,
    job: 'reflection-prompt',
    localDate: '2026-03-02',
    status: 'pending',
    dueAt: '2026-03-02T09:30:00.000Z',
    updatedAt: '2026-03-02T09:30:00.000Z',
    attempts: 0,
  });

  it('lets exactly one of many concurrent claims win', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => app.store.ledger.claim(delivery('shell:ann'))));
    expect(results.filter(Boolean)).toHaveLength(1);
    await app.store.ledger.update('shell:ann', 'reflection-prompt', '2026-03-02', (d) => ({ ...d, status: 'sent' }));
    expect((await app.store.ledger.get('shell:ann', 'reflection-prompt', '2026-03-02'))?.status).toBe('sent');
    expect(await app.store.ledger.on('2026-03-02')).toHaveLength(1);
  });

  it('remembers a platform event id across a restart', async () => {
    expect(await app.store.events.claim('Ev1', app.clock.now())).toBe(true);
    expect(await app.store.events.claim('Ev1', app.clock.now())).toBe(false);
    await app.store.close();
    app.store = await openLowdbStore({ dataDir: app.dataDir, now: app.clock.now() });
    expect(await app.store.events.claim('Ev1', new Date('2026-03-03T09:00:00Z'))).toBe(false);
    expect(await app.store.events.claim('Ev2', app.clock.now())).toBe(true);
  });
});

describe('personal data', () => {
  it('exports only the person\'s own records and erases every trace of them', async () => {
    await app.store.history.addCheckIn(checkIn('shell:ann', '2026-03-02', { note: 'rough day' }));
    await app.store.history.addCheckIn(checkIn('shell:bob', '2026-03-02', { note: 'bob note' }));
    await app.store.history.addReflection(reflection('shell:ann', '2026-03-02', 'mine'));
    await putPerson(app.store, { id: 'shell:ann', workspace: 'shell', name: 'ann', createdAt: '2026-03-01T00:00:00.000Z', admin: false, promptTime: '09:30', reminderTime: '16:30', workingDays: ['mon'] });
    await putTeam(app.store, { id: 'shell/care', workspace: 'shell', name: 'Care', createdAt: '2026-03-01T00:00:00.000Z', members: [{ personId: 'shell:ann', from: '2026-03-01T00:00:00.000Z' }, { personId: 'shell:bob', from: '2026-03-01T00:00:00.000Z' }], leads: ['shell:ann'], digestDay: 'mon', digestTime: '09:00', questions: [] });
    await app.store.ledger.claim({ personId: 'shell:ann', job: 'j', localDate: '2026-03-02', status: 'sent', dueAt: '2026-03-02T09:30:00.000Z', updatedAt: '2026-03-02T09:30:00.000Z', attempts: 1 });

    const exported = await app.store.privacy.exportPerson('shell:ann');
    expect(exported?.checkins.map((c) => c.note)).toEqual(['rough day']);
    expect(exported?.reflections.map((r) => r.answer)).toEqual(['mine']);
    expect(exported?.teams).toEqual([{ id: 'shell/care', name: 'Care', member: true, lead: true }]);
    expect(JSON.stringify(exported)).not.toContain('bob note');

    await app.store.privacy.erasePerson('shell:ann');
    expect((await app.store.people.get('shell:ann'))).toBeUndefined();
    expect(await app.store.history.checkIns('shell:ann', { from: '2026-01-01', to: '2026-12-31' })).toEqual([]);
    expect(await app.store.ledger.get('shell:ann', 'j', '2026-03-02')).toBeUndefined();
    expect((await app.store.teams.get('shell/care'))?.members.map((m) => m.personId)).toEqual(['shell:bob']);
    expect((await app.store.teams.get('shell/care'))?.leads).toEqual([]);
    expect((await readdir(path.join(app.dataDir, 'history'))).includes(personFolder('shell:ann'))).toBe(false);
    const state = await readFile(path.join(app.dataDir, 'state.json'), 'utf8');
    expect(state).not.toContain('shell:ann');
    expect(await app.store.history.checkIns('shell:bob', { from: '2026-03-01', to: '2026-03-31' })).toHaveLength(1);
  });
});
