import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, run, type TestApp } from '../helpers/test-app.js';
import { checkIn, LATEST, names, person, pid, team } from './fixtures.js';
import { putTeam } from '../helpers/seed.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
  await person(app, 'boss', { admin: true });
});
afterEach(async () => {
  await app.cleanup();
});

const OVERLAP = 'Withheld: publishing this with earlier digests would reveal an individual';

/** Six people answer last week with different moods; m6's answer is what an attacker would like to learn. */
async function sixAnswers(teams: (name: string) => string[]): Promise<void> {
  for (const [i, m] of names('m', 6).entries()) await checkIn(app, m, LATEST[i]!, { mood: (i % 5) + 1, stress: 5 - (i % 3) }, { teams: teams(m), note: 'release pressure' });
}

describe('differencing: comparing digests reveals nobody', () => {
  it('the same week reads the same after a member is removed from the team', async () => {
    await team(app, 'care', { members: names('m', 6), leads: ['maya'], threshold: 5 });
    await sixAnswers(() => ['care']);
    const before = await run(app, 'maya', 'digest');
    const care = (await app.store.teams.get('shell/care'))!;
    await putTeam(app.store, { ...care, members: care.members.map((m) => (m.personId === pid('m6') ? { ...m, to: '2026-03-02T10:00:00.000Z' } : m)) });
    const after = await run(app, 'maya', 'digest');
    expect(after.text).toBe(before.text);
    expect(before.text).toMatch(/Participation: about \d+ of 6 people checked in/);
  });

  it('the same week reads the same after a member is added', async () => {
    await team(app, 'care', { members: names('m', 6), leads: ['maya'], threshold: 5 });
    await sixAnswers(() => ['care']);
    const before = await run(app, 'maya', 'digest');
    await person(app, 'newbie');
    const care = (await app.store.teams.get('shell/care'))!;
    await putTeam(app.store, { ...care, members: [...care.members, { personId: pid('newbie'), from: '2026-03-02T10:00:00.000Z' }] });
    expect((await run(app, 'maya', 'digest')).text).toBe(before.text);
  });

  it('a person erasing their data does not change a week already published, and the frozen week holds no person id', async () => {
    await team(app, 'care', { members: names('m', 6), leads: ['maya'], threshold: 5 });
    await sixAnswers(() => ['care']);
    const before = await run(app, 'maya', 'digest');
    await app.store.privacy.erasePerson(pid('m6'));
    expect(await app.store.history.checkIns(pid('m6'), { from: '2026-01-01', to: '2026-03-31' })).toEqual([]);
    expect((await run(app, 'maya', 'digest')).text).toBe(before.text);
    expect(JSON.stringify((await app.store.digest.weeks('shell/care')))).not.toContain('shell:');
  });

  it('a late answer dated in a published week does not change it', async () => {
    await team(app, 'care', { members: names('m', 7), leads: ['maya'], threshold: 5 });
    await sixAnswers(() => ['care']);
    const before = await run(app, 'maya', 'digest');
    await checkIn(app, 'm7', LATEST[6]!, { mood: 1, stress: 5 }, { teams: ['care'] });
    expect((await run(app, 'maya', 'digest')).text).toBe(before.text);
  });

  it('the digest is the same whichever day of the week it is asked (weeks are fixed Monday-Sunday blocks)', async () => {
    await team(app, 'care', { members: names('m', 6), leads: ['maya'], threshold: 5 });
    await sixAnswers(() => ['care']);
    const monday = await run(app, 'maya', 'digest');
    app.clock.set('2026-03-05T10:00:00Z');
    await checkIn(app, 'm1', '2026-03-04', { mood: 1 }, { teams: ['care'] });
    const thursday = await run(app, 'maya', 'digest');
    expect(thursday.text).toBe(monday.text);
  });

  it('of two teams whose respondents differ by one person, the second is withheld with the reason, whoever asks', async () => {
    await team(app, 'care', { members: names('m', 6), leads: ['maya'], threshold: 5, name: 'Care' });
    await team(app, 'core', { members: names('m', 5), leads: ['maya'], threshold: 5, name: 'Core' });
    await sixAnswers((m) => (m === 'm6' ? ['care'] : ['care', 'core']));
    const core = await run(app, 'boss', 'digest core');
    const care = await run(app, 'boss', 'digest care');
    // Both were frozen together, the larger first: Care is shown, Core (Care minus m6) is withheld whole.
    expect(care.text).toContain('Mood:');
    expect(core.text).toContain(OVERLAP);
    expect(core.text).not.toContain('Mood:');
    expect(core.text).not.toContain('release');
    expect(core.text).toContain('Participation: withheld: publishing this with earlier digests would reveal an individual');
  });

  it('a pair is still withheld when the smaller team is asked for first, and by its lead alone', async () => {
    await team(app, 'care', { members: names('m', 6), leads: ['olga'], threshold: 5, name: 'Care' });
    await team(app, 'core', { members: names('m', 5), leads: ['maya'], threshold: 5, name: 'Core' });
    await sixAnswers((m) => (m === 'm6' ? ['care'] : ['care', 'core']));
    expect((await run(app, 'maya', 'digest')).text).toContain(OVERLAP);
    expect((await run(app, 'olga', 'digest')).text).not.toContain(OVERLAP);
  });

  it('an erasure after one team was published cannot make a linked team differ from it by one person', async () => {
    // care and core had the same six respondents (difference 0): both shown.
    await team(app, 'care', { members: names('m', 6), leads: ['olga'], threshold: 5, name: 'Care' });
    await team(app, 'core', { members: names('m', 6), leads: ['maya'], threshold: 5, name: 'Core' });
    await sixAnswers(() => ['care', 'core']);
    const care = await run(app, 'olga', 'digest');
    expect(care.text).toContain('Mood: ');
    // m6 erases; core is asked for afterwards. Its week was frozen with care's, so both still agree.
    await app.store.privacy.erasePerson(pid('m6'));
    const core = await run(app, 'maya', 'digest');
    const figures = (text: string) => text.split('\n').filter((l) => /^(Mood|Energy|Stress): |^(Themes|No word) /.test(l));
    expect(figures(core.text)).toHaveLength(4);
    expect(figures(core.text)).toEqual(figures(care.text));
  });

  it('teams whose respondents differ by the threshold or more are both shown', async () => {
    await team(app, 'care', { members: names('m', 10), leads: ['maya'], threshold: 5, name: 'Care' });
    await team(app, 'core', { members: names('m', 5), leads: ['maya'], threshold: 5, name: 'Core' });
    for (const [i, m] of names('m', 10).entries()) await checkIn(app, m, LATEST[0]!, { mood: 3 }, { teams: i < 5 ? ['care', 'core'] : ['care'] });
    expect((await run(app, 'boss', 'digest care')).text).toContain('Mood: ');
    expect((await run(app, 'boss', 'digest core')).text).toContain('Mood: ');
  });

  it('raising the threshold after a week was published withholds it from then on', async () => {
    await team(app, 'care', { members: names('m', 6), leads: ['maya'], threshold: 5 });
    await sixAnswers(() => ['care']);
    expect((await run(app, 'maya', 'digest')).text).toContain('Mood: ');
    await putTeam(app.store, { ...(await app.store.teams.get('shell/care'))!, threshold: 7 });
    const after = await run(app, 'maya', 'digest');
    expect(after.text).not.toContain('Mood: ');
    expect(after.text).toContain('Withheld: this week was published under a threshold of 5 people and the threshold is now 7');
  });

  it('lowering the threshold after a week was withheld for too few people keeps saying fewer than the threshold it was counted against', async () => {
    await team(app, 'care', { members: names('m', 6), leads: ['maya'], threshold: 5 });
    for (const m of names('m', 4)) await checkIn(app, m, LATEST[0]!, { mood: 3 }, { teams: ['care'] });
    expect((await run(app, 'maya', 'digest')).text).toContain('fewer than 5 of 6 people checked in');
    await putTeam(app.store, { ...(await app.store.teams.get('shell/care'))!, threshold: 3 });
    const after = await run(app, 'maya', 'digest');
    expect(after.text).toContain('fewer than 5 of 6 people checked in');
    expect(after.text).toContain('Fewer than 5 people checked in this week.');
    expect(after.text).not.toContain('Mood: ');
  });
});
