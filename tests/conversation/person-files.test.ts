import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { typeIntoShell } from '../helpers/shell-driver.js';
import { makeTestApp, type TestApp } from '../helpers/test-app.js';
import { names, team } from '../digest/fixtures.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp({ now: '2026-03-02T08:00:00Z' });
});
afterEach(async () => {
  await app.cleanup();
});

const folder = (name: string) => path.join(app.dataDir, 'shell-files', name);

describe('files made for a person', () => {
  it('privacy delete removes earlier exports saved for that person, and only theirs', async () => {
    await typeIntoShell(app, ['checkin 3 3 3', 'privacy export'], 'alice');
    await typeIntoShell(app, ['privacy export'], 'bob');
    expect((await readdir(folder('bob'))).length).toBe(1);
    expect((await readdir(folder('alice'))).length).toBe(1);
    const out = await typeIntoShell(app, ['privacy delete', '1'], 'bob');
    expect(out).toContain('Everything Attune held about you is erased');
    expect(existsSync(folder('bob'))).toBe(false);
    expect((await readdir(folder('alice'))).length).toBe(1);
  });

  it("a scheduled digest's chart is saved in the lead's folder, whoever the shell is acting as", async () => {
    await team(app, 'care', { members: names('m', 5), leads: ['maya'], name: 'Care' });
    const out = await typeIntoShell(app, ['\\advance 2h'], 'bob');
    expect(out).toContain('-- message for maya --');
    expect(out).toContain(`saved to ${path.join(folder('maya'), 'digest-care-')}`);
    expect(existsSync(folder('bob'))).toBe(false);
  });
});
