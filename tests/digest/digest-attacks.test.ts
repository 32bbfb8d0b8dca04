import { afterEach, describe, expect, it } from 'vitest';
import { makeTestApp, run, type TestApp } from '../helpers/test-app.js';
import { typeIntoShell } from '../helpers/shell-driver.js';
import { checkIn, LATEST, names, person, scoreFigures, shownRespondents, team } from './fixtures.js';

/** The attacks of issue 16, each played through the digest command as a lead or admin would. */

const WITHHELD = 'Withheld: publishing this with earlier digests would reveal an individual';
let apps: TestApp[] = [];
async function fresh(seed = 1): Promise<TestApp> {
  const app = await makeTestApp({ seed });
  apps.push(app);
  await person(app, 'boss', { admin: true });
  return app;
}
afterEach(async () => {
  for (const app of apps) await app.cleanup();
  apps = [];
});

/** What a reader of the digest can take from it: the mood line's figures, and participation. */
const readable = (text: string) => ({ mood: scoreFigures(text, 'Mood'), respondents: shownRespondents(text), withheld: text.includes(WITHHELD) });

describe('attacks on the digest (issue 16)', () => {
  it('Dept − EU − US: an ordinary org chart never lets a lead subtract sub-teams down to the one person in neither', async () => {
    const app = await fresh();
    const eu = names('e', 5);
    const us = names('u', 5);
    await team(app, 'dept', { members: [...eu, ...us, 'solo'], leads: ['maya'], threshold: 5, name: 'Dept' });
    await team(app, 'eu', { members: eu, leads: ['maya'], threshold: 5, name: 'EU' });
    await team(app, 'us', { members: us, leads: ['maya'], threshold: 5, name: 'US' });
    for (const [i, m] of [...eu, ...us].entries()) await checkIn(app, m, LATEST[i % 5]!, { mood: 4 }, { teams: ['dept', eu.includes(m) ? 'eu' : 'us'] });
    await checkIn(app, 'solo', LATEST[2]!, { mood: 1 }, { teams: ['dept'] });

    const read = await Promise.all(['eu', 'us', 'dept'].map(async (t) => readable((await run(app, 'maya', `digest ${t}`)).text)));
    // At most two of the three publish moods, and at most two publish participation: the third is withheld with the reason.
    expect(read.filter((r) => r.mood).length).toBeLessThanOrEqual(2);
    expect(read.filter((r) => r.respondents !== undefined).length).toBeLessThanOrEqual(2);
    expect(read.some((r) => r.withheld)).toBe(true);
  });

  it('A − B + C: three teams built so that a combination isolates one person are never all published', async () => {
    const app = await fresh();
    const s1 = names('a', 5);
    const s2 = names('b', 5);
    // Pairwise differences 6, 11 and 5: the old pairwise rule passed all three.
    await team(app, 'ta', { members: [...s1, 'target'], threshold: 5, name: 'A' });
    await team(app, 'tb', { members: [...s1, ...s2], threshold: 5, name: 'B' });
    await team(app, 'tc', { members: s2, threshold: 5, name: 'C' });
    for (const m of s1) await checkIn(app, m, LATEST[0]!, { mood: 3 }, { teams: ['ta', 'tb'] });
    for (const m of s2) await checkIn(app, m, LATEST[0]!, { mood: 3 }, { teams: ['tb', 'tc'] });
    await checkIn(app, 'target', LATEST[0]!, { mood: 1 }, { teams: ['ta'] });

    const read = await Promise.all(['tc', 'ta', 'tb'].map(async (t) => readable((await run(app, 'boss', `digest ${t}`)).text)));
    expect(read.filter((r) => r.mood).length).toBeLessThanOrEqual(2);
    expect(read.some((r) => r.withheld)).toBe(true);
  });

  it('colluders at threshold 3: subtracting the two known answers never pins down the target, and a planted word is not confirmed', async () => {
    let exact = 0;
    let confirmed = 0;
    const runs = 12;
    for (let seed = 1; seed <= runs; seed++) {
      const app = await fresh(seed);
      await team(app, 'trap', { members: ['target', 'c1', 'c2'], leads: ['boss'], threshold: 3, name: 'Trap' });
      await checkIn(app, 'target', LATEST[1]!, { mood: 1 }, { teams: ['trap'], note: 'divorce papers' });
      for (const c of ['c1', 'c2']) await checkIn(app, c, LATEST[1]!, { mood: 5 }, { teams: ['trap'], note: 'divorce' });
      const text = (await run(app, 'boss', 'digest trap')).text;
      const mood = scoreFigures(text, 'Mood')!;
      // The attacker's subtraction: the distribution minus the colluders' two 5s should be the target's one-hot vector.
      const target = mood.distribution.map((n, i) => n - (i === 4 ? 2 : 0));
      if (target.join() === '1,0,0,0,0') exact++;
      if (text.includes('divorce')) confirmed++;
      await app.cleanup();
      apps = apps.filter((a) => a !== app);
    }
    expect(exact).toBeLessThan(runs / 2);
    expect(confirmed).toBe(0);
  });

  it('homogeneity: when everyone sits at one score the digest never states it as an exact count of everyone', async () => {
    let revealing = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const app = await fresh(seed);
      await team(app, 'care', { members: names('m', 5), leads: ['maya'], threshold: 5, name: 'Care' });
      for (const m of names('m', 5)) await checkIn(app, m, LATEST[0]!, { mood: 2, energy: 2, stress: 4 }, { teams: ['care'] });
      const text = (await run(app, 'maya', 'digest')).text;
      for (const line of text.split('\n').filter((l) => /^(Mood|Energy|Stress): /.test(l))) {
        if (/0 · 0 · 0 · 0 · 5|0 · 5 · 0 · 0 · 0|0 · 0 · 0 · 5 · 0/.test(line)) revealing++;
        expect(line).toMatch(/\(approximate\)/);
      }
      await app.cleanup();
      apps = apps.filter((a) => a !== app);
    }
    expect(revealing).toBe(0);
  });

  it('a note shared while the team had no lead is never shown to a lead appointed later, and the author was told nobody else reads it', async () => {
    const app = await fresh();
    await team(app, 'care', { members: names('m', 5), threshold: 5, name: 'Care' });
    await person(app, 'maya');
    app.clock.set('2026-02-25T10:00:00Z');
    const out = await typeIntoShell(app, ['checkin 2 2 4 --share I am going through a divorce'], 'm1');
    expect(out).toContain('You chose to share your note, but none of your teams has a lead yet, so nobody else reads it.');
    for (const m of names('m', 5).slice(1)) await checkIn(app, m, LATEST[2]!, { mood: 3 }, { teams: ['care'] });
    app.clock.set('2026-03-02T10:00:00Z');
    await run(app, 'boss', 'team lead care maya');
    expect((await app.store.teams.get('shell/care'))!.leads).toEqual(['shell:maya']);
    const digest = await run(app, 'maya', 'digest');
    expect(digest.text).toContain('Morale digest · Care');
    expect(digest.text).not.toContain('divorce');
    expect(digest.text).not.toContain('Shared with you');
  });

  it('a note shared with one lead is not shown to the lead who replaces them', async () => {
    const app = await fresh();
    await team(app, 'care', { members: names('m', 5), leads: ['olga'], threshold: 5, name: 'Care' });
    await person(app, 'maya');
    app.clock.set('2026-02-25T10:00:00Z');
    const out = await typeIntoShell(app, ['checkin 2 2 4 --share the release plan worries me'], 'm1');
    expect(out).toContain('You chose to share your note: your lead will see it with your name.');
    app.clock.set('2026-03-02T10:00:00Z');
    await run(app, 'boss', 'team lead care maya');
    expect((await run(app, 'olga', 'digest')).text).toContain('release plan worries me');
    await run(app, 'boss', 'team lead care olga remove');
    expect((await run(app, 'maya', 'digest')).text).not.toContain('release plan');
  });
});
