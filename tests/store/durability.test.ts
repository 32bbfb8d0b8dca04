import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StoreFileError } from '../../src/store/errors.js';
import { DurableJsonFile } from '../../src/store/lowdb/durable-json-file.js';
import { openLowdbStore } from '../../src/store/lowdb/open-lowdb-store.js';

const Schema = z.object({ version: z.literal(1), value: z.string() });
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'attune-durable-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('durable JSON file', () => {
  it('leaves the old file valid when a write fails between the temp file and the rename', async () => {
    const file = path.join(dir, 'doc.json');
    await new DurableJsonFile(file, Schema).write({ version: 1, value: 'old' });
    const failing = new DurableJsonFile(file, Schema, {
      beforeRename: async () => {
        throw new Error('power cut');
      },
    });
    await expect(failing.write({ version: 1, value: 'new' })).rejects.toThrow('power cut');
    expect(await new DurableJsonFile(file, Schema).read()).toEqual({ version: 1, value: 'old' });
    expect(await readdir(dir)).toEqual(['doc.json']);
  });

  it('leaves the old file valid when the process is killed between the temp file and the rename', async () => {
    const file = path.join(dir, 'doc.json');
    await new DurableJsonFile(file, Schema).write({ version: 1, value: 'old' });
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'tests/fixtures/crash-during-write.ts', file], { encoding: 'utf8' });
    expect(result.signal).toBe('SIGKILL');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, value: 'old' });
    const temps = (await readdir(dir)).filter((n) => n.endsWith('.tmp'));
    expect(temps).toHaveLength(1);
    expect(JSON.parse(await readFile(path.join(dir, temps[0]!), 'utf8'))).toEqual({ version: 1, value: 'new' });
  });

  it('refuses a file that is not JSON, naming the file, and never rewrites it', async () => {
    const file = path.join(dir, 'doc.json');
    await writeFile(file, '{"version":1,"value":');
    const err = await new DurableJsonFile(file, Schema).read().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreFileError);
    expect((err as StoreFileError).message).toMatch(new RegExp(`^Attune cannot use its store file ${file}: it is not valid JSON`));
    expect(await readFile(file, 'utf8')).toBe('{"version":1,"value":');
  });

  it('names the field when a file has the wrong shape, and refuses a newer schema version', async () => {
    const file = path.join(dir, 'doc.json');
    await writeFile(file, JSON.stringify({ version: 1, value: 42 }));
    await expect(new DurableJsonFile(file, Schema).read()).rejects.toThrow('it does not match the expected shape at value: Invalid input: expected string, received number');
    await writeFile(file, JSON.stringify({ version: 2, value: 'x' }));
    await expect(new DurableJsonFile(file, Schema).read()).rejects.toThrow('it was written by a newer Attune (schema version 2; this one reads version 1)');
  });
});

describe('store start-up', () => {
  it('refuses a corrupt state.json with a message naming it, leaves it byte for byte, and frees the lock', async () => {
    const file = path.join(dir, 'state.json');
    await writeFile(file, 'not json at all');
    await expect(openLowdbStore({ dataDir: dir, now: new Date('2026-03-02T10:00:00Z') })).rejects.toThrow(`Attune cannot use its store file ${file}: it is not valid JSON`);
    expect(await readFile(file, 'utf8')).toBe('not json at all');
    expect((await readdir(dir)).includes('.lock')).toBe(false);
  });

  it('stops `npm start` with a clear message and exit code 1 on a corrupt store, file untouched', async () => {
    const file = path.join(dir, 'state.json');
    await writeFile(file, '{"version":1,"people":{"x":{"id":"bad"}}}');
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], { encoding: 'utf8', env: { ...process.env, ATTUNE_DATA_DIR: dir }, input: '' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Attune cannot use its store file ${file}: it does not match the expected shape at people.x.id`);
    expect(result.stderr).toContain('The file was left untouched.');
    expect(result.stdout).toBe('');
    expect(await readFile(file, 'utf8')).toBe('{"version":1,"people":{"x":{"id":"bad"}}}');
  });

  it('stops start-up naming each bad environment variable', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      encoding: 'utf8',
      env: { ...process.env, ATTUNE_DATA_DIR: dir, ATTUNE_MIN_RESPONDENTS: '1', ATTUNE_TZ: 'Berlin' },
      input: '',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'Attune cannot start: fix these environment variables.\n' +
        '  - ATTUNE_TZ: got "Berlin"; expected an IANA time zone such as Europe/Berlin, America/New_York or UTC\n' +
        '  - ATTUNE_MIN_RESPONDENTS: got "1"; expected a whole number, 3 or more (fewer would let a lead single people out)\n',
    );
  });
});
