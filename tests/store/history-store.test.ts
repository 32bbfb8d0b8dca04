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
    expect(await app.store.history.months('slack:T1:U1')).toEqual(['2026-01', '2026-03']);
    // Answers reach their months' files from the answer log at its checkpoint (here: the close).
    await app.store.close();
    const folders = (await readdir(path.join(app.dataDir, 'history'))).sort();
    expect(folders).toEqual([personFolder('shell:bob'), personFolder('slack:T1:U1')].sort());
    // Each month's answers so far sit in its log (appended); the month's JSON comes with its first whole write.
    expect((await readdir(path.join(app.dataDir, 'history', personFolder('slack:T1:U1')))).sort()).toEqual(['2026-01.log', '2026-03.log']);
    app.store = await openLowdbStore({ dataDir: app.dataDir, now: app.clock.now() });
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
    await app.store.close();
    app.store = await openLowdbStore({ dataDir: app.dataDir, now: app.clock.now() });
    const ids = (await app.store.history.checkIns('shell:ann', { from: '2026-03-01', to: '2026-03-31' })).map((c) => c.id);
    expect(new Set(ids)).toEqual(new Set(Array.from({ length: 50 }, (_, i) => `c${i}`)));
    expect(ids).toHaveLength(50);
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

describe("a month's log of appended answers", () => {
  const folder = () => path.join(app.dataDir, 'history', personFolder('shell:ann'));
  const reopen = async () => {
    await app.store.close();
    app.store = await openLowdbStore({ dataDir: app.dataDir, now: app.clock.now() });
  };

  const answerLog = async () => {
    const dir = path.join(app.dataDir, 'answers');
    const files = (await readdir(dir)).sort();
    // Each file's lines, without the zeros written ahead of them.
    return (await Promise.all(files.map(async (f) => (await readFile(path.join(dir, f), 'utf8')).split('\0')[0]))).join('').trim().split('\n').filter(Boolean);
  };

  it('acknowledges a check-in once its line is in the answer log, shows it at once, and copies it into its month at the checkpoint', async () => {
    // No copy while the store is idle: the answer stays in the log until the close.
    await app.store.close();
    app.store = await openLowdbStore({ dataDir: app.dataDir, now: app.clock.now(), answerCheckpoint: { idleMs: Infinity } });
    await app.store.history.addCheckIn(checkIn('shell:ann', '2026-03-02', { id: 'c1', mood: 2, teams: ['shell/care'] }));
    expect((await answerLog()).map((l) => JSON.parse(l).checkin.id)).toEqual(['c1']);
    expect((await app.store.history.checkIns('shell:ann', { from: '2026-03-01', to: '2026-03-31' })).map((c) => c.id)).toEqual(['c1']);
    await app.store.close();
    const lines = (await readFile(path.join(folder(), '2026-03.log'), 'utf8')).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).checkin.id)).toEqual(['c1']);
    expect(await answerLog()).toEqual([]);
    app.store = await openLowdbStore({ dataDir: app.dataDir, now: app.clock.now() });
    expect((await app.store.history.checkIns('shell:ann', { from: '2026-03-01', to: '2026-03-31' })).map((c) => c.id)).toEqual(['c1']);
    expect(await app.store.history.weekSummaries('shell:ann', { from: '2026-03-02', to: '2026-03-08' })).toEqual([expect.objectContaining({ teamId: 'shell/care', days: 1, mood: 2 })]);
  });

  it('ignores a torn last line (a write that never finished) and cuts it off before the next answer is appended', async () => {
    await app.store.history.addCheckIn(checkIn('shell:ann', '2026-03-02', { id: 'c1' }));
    await app.store.close();
    const log = path.join(folder(), '2026-03.log');
    await writeFile(log, (await readFile(log, 'utf8')) + '{"seq":2,"checkin":{"id":"c2","perso');
    app.store = await openLowdbStore({ dataDir: app.dataDir, now: app.clock.now() });
    await app.store.history.addCheckIn(checkIn('shell:ann', '2026-03-03', { id: 'c3' }));
    await reopen();
    expect((await app.store.history.checkIns('shell:ann', { from: '2026-03-01', to: '2026-03-31' })).map((c) => c.id)).toEqual(['c1', 'c3']);
  });

  it('stops on a damaged line in the middle, naming the file and line, and leaves the file as it is', async () => {
    await app.store.history.addCheckIn(checkIn('shell:ann', '2026-03-02', { id: 'c1' }));
    await app.store.history.addCheckIn(checkIn('shell:ann', '2026-03-03', { id: 'c2' }));
    await app.store.close();
    const log = path.join(folder(), '2026-03.log');
    const damaged = (await readFile(log, 'utf8')).replace('"mood":3', '"mood":9');
    await writeFile(log, damaged);
    app.store = await openLowdbStore({ dataDir: app.dataDir, now: app.clock.now() });
    await expect(app.store.history.checkIns('shell:ann', { from: '2026-03-01', to: '2026-03-31' })).rejects.toThrow(`Attune cannot use its store file ${log}: line 1 does not match the expected shape at checkin.mood`);
    expect(await readFile(log, 'utf8')).toBe(damaged);
  });

  it('never applies a line twice: a crash after the month was written whole but before its log was emptied loses nothing and adds nothing', async () => {
    await app.store.history.addCheckIn(checkIn('shell:ann', '2026-03-02', { id: 'first' }));
    // Written whole (absorbing the log): the added check-in is replaced by the new answer of that day.
    await app.store.history.replaceCheckIn(checkIn('shell:ann', '2026-03-02', { id: 'replaced', mood: 5 }));
    await app.store.close();
    // The log still holds the line of the replaced check-in, as after a crash before the next append emptied it.
    expect(await readFile(path.join(folder(), '2026-03.log'), 'utf8')).toContain('"first"');
    app.store = await openLowdbStore({ dataDir: app.dataDir, now: app.clock.now() });
    expect((await app.store.history.checkIns('shell:ann', { from: '2026-03-01', to: '2026-03-31' })).map((c) => [c.id, c.mood])).toEqual([['replaced', 5]]);
    await app.store.history.addCheckIn(checkIn('shell:ann', '2026-03-03', { id: 'next' }));
    // That append found every line of the log already in the month's file and emptied it first.
    expect((await readFile(path.join(folder(), '2026-03.log'), 'utf8')).trim().split('\n')).toHaveLength(1);
    await reopen();
    expect((await app.store.history.checkIns('shell:ann', { from: '2026-03-01', to: '2026-03-31' })).map((c) => c.id)).toEqual(['replaced', 'next']);
  });

  it('writes the month whole once its log is full, and keeps every answer', async () => {
    for (let d = 1; d <= 40; d++) await app.store.history.addReflection(reflection('shell:ann', `2026-03-${String(((d - 1) % 28) + 1).padStart(2, '0')}`, `answer ${d}`));
    await reopen();
    const onDisk = JSON.parse(await readFile(path.join(folder(), '2026-03.json'), 'utf8'));
    const logLines = (await readFile(path.join(folder(), '2026-03.log'), 'utf8').catch(() => '')).trim().split('\n').filter(Boolean);
    expect(onDisk.reflections.length).toBeGreaterThanOrEqual(32);
    expect(logLines.length).toBeLessThan(32);
    await reopen();
    expect(await app.store.history.reflections('shell:ann', { from: '2026-03-01', to: '2026-03-31' })).toHaveLength(40);
  });
});
