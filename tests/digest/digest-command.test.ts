import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, makeTestApp, run, type TestApp } from '../helpers/test-app.js';
import { typeIntoShell } from '../helpers/shell-driver.js';
import { checkIn, LATEST, names, person, team } from './fixtures.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
  await person(app, 'boss', { admin: true });
  await team(app, 'care', { members: names('m', 5), leads: ['maya'], threshold: 5, name: 'Customer Care' });
  await team(app, 'ops', { members: ['o1', 'o2', 'o3'], leads: ['olga'], name: 'Ops' });
});
afterEach(async () => {
  await app.cleanup();
});

const REFUSAL = "I can't show that digest. You can see digests only for teams you lead (admins: any team in the workspace). Type /attune digest to see yours.";

describe('digest command: who may read what', () => {
  it("a non-lead's refusal is identical for an existing and a non-existing team", async () => {
    const existing = await run(app, 'm1', 'digest care');
    const missing = await run(app, 'm1', 'digest no-such-team');
    expect(existing).toEqual(missing);
    expect(existing).toEqual({ text: '"digest" is for team leads and admins.', blocks: [{ type: 'text', text: '"digest" is for team leads and admins.' }], private: true });
  });

  it("a lead's refusal is identical for a team they don't lead and a team that does not exist", async () => {
    const other = await run(app, 'maya', 'digest ops');
    const missing = await run(app, 'maya', 'digest no-such-team');
    expect(other).toEqual(missing);
    expect(other.text).toBe(REFUSAL);
  });

  it('finds a led team by short name, by full name in any case', async () => {
    for (const words of ['digest care', 'digest Customer Care', 'digest customer care']) {
      expect((await run(app, 'maya', words)).text.split('\n')[0]).toBe('Morale digest · Customer Care');
    }
  });

  it('with no team named, shows the only team the lead leads', async () => {
    expect((await run(app, 'olga', 'digest')).text.split('\n')[0]).toBe('Morale digest · Ops');
  });

  it('with no team named, an admin picks from every team of the workspace, and the choice runs the digest', async () => {
    const pick = await run(app, 'boss', 'digest');
    expect(pick.text).toBe('Which team\'s digest? Type /attune digest followed by one of: care, ops');
    expect(pick.blocks).toEqual([
      {
        type: 'choice',
        id: 'team',
        label: "Which team's digest?",
        options: [
          { label: 'Customer Care', value: 'care' },
          { label: 'Ops', value: 'ops' },
        ],
        action: { command: 'digest', action: 'run' },
        style: 'select',
      },
    ]);
    const chosen = await act(app, 'boss', 'digest', 'run', { value: 'ops' });
    expect(chosen.text.split('\n')[0]).toBe('Morale digest · Ops');
  });

  it('returns the 8-week chart as a PNG image block, 760x420', async () => {
    for (const m of names('m', 5)) await checkIn(app, m, LATEST[0]!, { mood: 4 }, { teams: ['care'] });
    const reply = await run(app, 'maya', 'digest');
    const image = reply.blocks.find((b) => b.type === 'image');
    expect(image).toMatchObject({ type: 'image', filename: 'digest-care-2026-02-23.png', mime: 'image/png', alt: '8-week trend for Customer Care: mood, energy and stress (1-5) and participation' });
    const png = PNG.sync.read(Buffer.from((image as { data: Uint8Array }).data));
    expect([png.width, png.height]).toEqual([760, 420]);
  });

  it('through the shell, prints the digest and saves the chart under the data directory', async () => {
    for (const m of names('m', 5)) await checkIn(app, m, LATEST[0]!, { mood: 4 }, { teams: ['care'] });
    const out = await typeIntoShell(app, ['digest care'], 'maya');
    expect(out).toContain('Morale digest · Customer Care\n-----------------------------\n');
    const file = `${app.dataDir}/shell-files/maya/digest-care-2026-02-23.png`;
    expect(out).toContain(`8-week trend for Customer Care: mood, energy and stress (1-5) and participation: saved to ${file}`);
    const bytes = await readFile(file);
    expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  });
});
