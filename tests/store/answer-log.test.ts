import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckIn } from '../../src/core/model/index.js';
import type { Store } from '../../src/core/store/index.js';
import { openLowdbStore } from '../../src/store/lowdb/open-lowdb-store.js';
import { personFolder } from '../../src/store/lowdb/paths.js';

const root = path.resolve(import.meta.dirname, '../..');
const now = new Date('2026-03-02T10:00:00Z');
let dataDir: string;
let store: Store;
// Answers stay in the answer log until a test closes the store (no copy while idle).
const open = (answerCheckpoint: { answers?: number; idleMs?: number } = { idleMs: Infinity }) => openLowdbStore({ dataDir, now, answerCheckpoint });

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'attune-answer-log-'));
  store = await open();
});
afterEach(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

const checkIn = (personId: string, localDate: string, id: string, extra: Partial<CheckIn> = {}): CheckIn => ({
  id,
  personId,
  at: `${localDate}T16:00:00.000Z`,
  localDate,
  mood: 3,
  energy: 3,
  stress: 3,
  shareNote: false,
  teams: ['shell/care'],
  custom: {},
  ...extra,
});
const march = { from: '2026-03-01', to: '2026-03-31' };
const ids = async (personId: string) => (await store.history.checkIns(personId, march)).map((c) => c.id);
const answerLogText = async () => {
  const dir = path.join(dataDir, 'answers');
  // Each file's lines, without the zeros written ahead of them.
  return (await Promise.all((await readdir(dir)).sort().map(async (f) => (await readFile(path.join(dir, f), 'utf8')).split('\0')[0]))).join('');
};
/** Simulates kill -9: the next open finds the files as they are (the lock of a dead process is taken over). */
const crash = async () => {
  // A copy of the data directory as it is now, before close() copies the answers into their months.
  const copy = await mkdtemp(path.join(tmpdir(), 'attune-answer-log-crash-'));
  spawnSync('cp', ['-a', `${dataDir}/.`, copy]);
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
  dataDir = copy;
  await rm(path.join(dataDir, 'attune.lock'), { recursive: true, force: true });
};

describe('the answer log', () => {
  it('keeps an acknowledged answer through a crash before it reached its month, and copies it there at the next open', async () => {
    await store.history.addCheckIn(checkIn('shell:ann', '2026-03-02', 'c1'));
    await store.history.addCheckIn(checkIn('shell:ann', '2026-03-03', 'c2'));
    await crash();
    expect(await readdir(path.join(dataDir, 'history')).catch(() => [])).toEqual([]);
    store = await open();
    expect(await ids('shell:ann')).toEqual(['c1', 'c2']);
    expect(await answerLogText()).toBe('');
    const month = await readFile(path.join(dataDir, 'history', personFolder('shell:ann'), '2026-03.log'), 'utf8');
    expect(month).toContain('"c1"');
  });

  it('copies an answer into its month once, even when a crash came after the copy and before the log file was deleted', async () => {
    await store.history.addCheckIn(checkIn('shell:ann', '2026-03-02', 'c1'));
    const logged = await answerLogText();
    await store.close();
    // The copy is in the month's files; the answer log file is put back as if its deletion never happened.
    await writeFile(path.join(dataDir, 'answers', '000000000001.log'), logged);
    store = await open();
    expect(await ids('shell:ann')).toEqual(['c1']);
    await store.close();
    store = await open();
    expect(await ids('shell:ann')).toEqual(['c1']);
  });

  it('shows an answer at once, replaces it the same day, and never brings the replaced one back', async () => {
    await store.history.addCheckIn(checkIn('shell:ann', '2026-03-02', 'first', { mood: 1 }));
    expect(await ids('shell:ann')).toEqual(['first']);
    await store.history.replaceCheckIn(checkIn('shell:ann', '2026-03-02', 'second', { mood: 5 }));
    await store.close();
    store = await open();
    expect((await store.history.checkIns('shell:ann', march)).map((c) => [c.id, c.mood])).toEqual([['second', 5]]);
    expect(await store.history.weekSummaries('shell:ann', { from: '2026-03-02', to: '2026-03-08' })).toEqual([expect.objectContaining({ teamId: 'shell/care', days: 1, mood: 5 })]);
  });

  it('recognises a retry of an answer still in the log by its key, before and after a restart', async () => {
    const first = await store.history.addCheckIn(checkIn('shell:ann', '2026-03-02', 'c1', { key: 'Ev1' }));
    const retry = await store.history.addCheckIn(checkIn('shell:ann', '2026-03-02', 'c1-again', { key: 'Ev1' }));
    expect([first.created, retry.created, retry.record.id]).toEqual([true, false, 'c1']);
    await crash();
    store = await open();
    const afterRestart = await store.history.addCheckIn(checkIn('shell:ann', '2026-03-02', 'c1-later', { key: 'Ev1' }));
    expect([afterRestart.created, afterRestart.record.id]).toEqual([false, 'c1']);
    expect(await ids('shell:ann')).toEqual(['c1']);
  });

  it('keeps every one of many answers arriving together (they share writes) through a crash', async () => {
    const people = Array.from({ length: 60 }, (_, i) => `shell:p${i}`);
    await Promise.all(people.map((p, i) => store.history.addCheckIn(checkIn(p, '2026-03-02', `c${i}`, { key: `Ev${i}` }))));
    expect(new Set((await answerLogText()).trim().split('\n')).size).toBe(60);
    await crash();
    store = await open();
    for (const [i, p] of people.entries()) expect(await ids(p)).toEqual([`c${i}`]);
  });

  it('copies answers into their months in the background once enough wait, and keeps reading them right', async () => {
    await store.close();
    store = await open({ answers: 5, idleMs: Infinity });
    for (let d = 1; d <= 12; d++) await store.history.addCheckIn(checkIn('shell:ann', `2026-03-${String(d).padStart(2, '0')}`, `c${d}`));
    expect(await ids('shell:ann')).toEqual(Array.from({ length: 12 }, (_, i) => `c${i + 1}`));
    await crash();
    store = await open();
    expect(await ids('shell:ann')).toEqual(Array.from({ length: 12 }, (_, i) => `c${i + 1}`));
  });

  it('leaves nothing of an erased person in the answer log, so no restart brings their answers back', async () => {
    await store.history.addCheckIn(checkIn('shell:ann', '2026-03-02', 'ann-1'));
    await store.history.addCheckIn(checkIn('shell:bob', '2026-03-02', 'bob-1'));
    await store.privacy.erasePerson('shell:ann');
    expect(await answerLogText()).not.toContain('shell:ann');
    await crash();
    store = await open();
    expect(await ids('shell:ann')).toEqual([]);
    expect(await ids('shell:bob')).toEqual(['bob-1']);
    expect(await readdir(path.join(dataDir, 'history'))).toEqual([personFolder('shell:bob')]);
  });

  it('cuts off a torn last line (an answer never acknowledged) and keeps the rest', async () => {
    await store.history.addCheckIn(checkIn('shell:ann', '2026-03-02', 'c1'));
    await crash();
    const file = path.join(dataDir, 'answers', (await readdir(path.join(dataDir, 'answers'))).sort().at(-1)!);
    const text = await readFile(file, 'utf8');
    const end = text.indexOf('\0');
    expect(end).toBeGreaterThan(0);
    // Half a line where the next would have gone, the zeros after it as they were.
    const torn = '{"seq":2,"checkin":{"id":"c2","perso';
    await writeFile(file, text.slice(0, end) + torn + text.slice(end + torn.length));
    store = await open();
    expect(await ids('shell:ann')).toEqual(['c1']);
  });

  it('stops at open on a damaged line, naming the file and line, and leaves the file as it is; store:check names it too', async () => {
    await store.history.addCheckIn(checkIn('shell:ann', '2026-03-02', 'c1'));
    await crash();
    const file = path.join(dataDir, 'answers', (await readdir(path.join(dataDir, 'answers'))).sort().at(-1)!);
    const damaged = (await readFile(file, 'utf8')).replace('"mood":3', '"mood":9');
    await writeFile(file, damaged);
    await expect(open()).rejects.toThrow(`Attune cannot use its store file ${file}: line 1 does not match the expected shape at checkin.mood`);
    expect(await readFile(file, 'utf8')).toBe(damaged);
    const check = spawnSync(process.execPath, ['--import', 'tsx', 'src/store/check-cli.ts'], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH, ATTUNE_DATA_DIR: dataDir } });
    expect(check.stdout).toContain(`${file}: line 1 does not match the expected shape at checkin.mood`);
    expect(check.status).toBe(1);
    store = { close: async () => undefined } as Store;
  });
});
