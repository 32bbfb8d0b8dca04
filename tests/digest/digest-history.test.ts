import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, run, type TestApp } from '../helpers/test-app.js';
import { checkIn, LATEST, team } from './fixtures.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
});
afterEach(async () => {
  await app.cleanup();
});

describe('history says which digests count your check-ins', () => {
  it('lists each of your teams with who leads it and its threshold, and says so when a team has no lead', async () => {
    await team(app, 'care', { members: ['ana', 'ben'], leads: ['maya'], threshold: 5, name: 'Care' });
    await team(app, 'ops', { members: ['ana'], threshold: 4, name: 'Ops' });
    await checkIn(app, 'ana', LATEST[0]!, { mood: 3 }, { teams: ['care', 'ops'] });
    const lines = (await run(app, 'ana', 'history')).text.split('\n');
    const start = lines.indexOf('Who sees your check-ins');
    expect(lines.slice(start, start + 4)).toEqual([
      'Who sees your check-ins',
      "Your check-ins count in these teams' digests, only inside approximate figures over several people; never your own answers:",
      'Care: read by its lead (maya) and admins, as figures over at least 5 people',
      'Ops: no lead yet; admins see figures over at least 4 people',
    ]);
  });
});
