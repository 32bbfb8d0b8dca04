import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, expect, it } from 'vitest';
import { buildDigest } from '../../src/features/digest/build-digest.js';
import { createLogger } from '../../src/logger.js';
import { makeTestApp, run, type TestApp } from '../helpers/test-app.js';
import { checkIn, LATEST, names, team } from './fixtures.js';

const apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps.splice(0).reverse()) await a.cleanup().catch(() => undefined);
});

it("one member's damaged history month leaves that member out: the team's digest still comes, says so, and the log names no one's answers", async () => {
  const first = await makeTestApp();
  apps.push(first);
  await run(first, 'admin', 'help');
  await team(first, 'care', { members: names('m', 8), leads: ['maya'], threshold: 5, name: 'Care' });
  for (const [i, m] of names('m', 8).entries()) await checkIn(first, m, LATEST[i % 5]!, { mood: 3 }, { teams: ['care'], note: `quiet amber ${m}` });
  await first.store.close();
  // m1's month is damaged on disk (a bad sector, a hand edit): its answers so far sit in the month's log.
  // (A last line cut short without its newline would read as a write that never finished: a whole line is damaged here.)
  const folder = (await readdir(path.join(first.dataDir, 'history'))).find((f) => f.endsWith('m1'))!;
  const [month] = (await readdir(path.join(first.dataDir, 'history', folder))).filter((f) => f.endsWith('.log'));
  await writeFile(path.join(first.dataDir, 'history', folder, month!), '{"version": 1, "checkins": [\n', 'utf8');

  let logs = '';
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs += chunk.toString('utf8');
      done();
    },
  });
  const second = await makeTestApp({ config: { dataDir: first.dataDir } });
  apps.push(second);
  const reopened = { ...second, log: createLogger('info', sink) };
  const digest = (await run(reopened, 'admin', 'digest care')).text;
  expect(digest).toContain(second.content.copy('digest.unreadable', { count: 1 }));
  expect(digest).toMatch(/^Participation: about \d+ of 8 people/m);
  expect(digest).toMatch(/^Mood: /m);
  // The operator's log says so too: the lead's digest reads this week's shared notes live, past the damaged file.
  await buildDigest(reopened, (await second.store.people.get('shell:maya'))!, (await second.store.teams.get('shell/care'))!, '2026-03-02');
  expect(logs).toContain('digest left out history that could not be read');
  expect(logs).not.toContain('amber');
});
