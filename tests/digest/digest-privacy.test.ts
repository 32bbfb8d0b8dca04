import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, run, type TestApp } from '../helpers/test-app.js';
import { exactWeek } from '../../src/features/digest/week-aggregate.js';
import { checkIn, LATEST, names, person, pid, scoreFigures, shownRespondents, team } from './fixtures.js';
import { putTeam } from '../helpers/seed.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
  await person(app, 'boss', { admin: true });
});
afterEach(async () => {
  await app.cleanup();
});

describe('digest under and over the threshold', () => {
  it('given 4 respondents (threshold 5), the digest withholds the averages and says why', async () => {
    await team(app, 'care', { members: names('m', 6), leads: ['maya'], threshold: 5, name: 'Care' });
    for (const m of names('m', 4)) await checkIn(app, m, LATEST[1]!, { mood: 1, energy: 1, stress: 5 }, { teams: ['care'], note: 'awful deadline crunch' });
    const reply = await run(app, 'maya', 'digest');
    expect(reply.text.split('\n')).toEqual([
      'Morale digest · Care',
      "Week of 2026-02-23 to 2026-03-01 (Monday to Sunday), compared with the week before. Every figure comes from at least 5 people and is approximate (it carries random noise), so nobody's own answers can be worked out from it, alone or with other digests.",
      // Under the threshold even the count is coarsened: "fewer than 5", never "4".
      'Participation: fewer than 5 of 6 people checked in · 8 weeks ········',
      'Fewer than 5 people checked in this week. Averages, themes and answers need at least 5 people so that nobody can be singled out, so this digest shows participation only.',
      '',
      'Signals',
      'No warning signs this week.',
    ]);
    expect(reply.text).not.toContain('Mood');
    expect(reply.text).not.toContain('deadline');
    expect(reply.private).toBe(true);
  });

  it('a person weighs once: their answers of the week are averaged before the team figures', async () => {
    await team(app, 'care', { members: names('m', 6), leads: ['maya'], threshold: 5, name: 'Care' });
    const moods = [1, 2, 3, 4];
    for (const [i, m] of names('m', 4).entries()) await checkIn(app, m, LATEST[0]!, { mood: moods[i]!, energy: 3, stress: 2 }, { teams: ['care'] });
    // m5 answers twice (2 then 4): one person, mean 3, counted once.
    const twice = [
      await checkIn(app, 'm5', LATEST[0]!, { mood: 2, energy: 3, stress: 2 }, { teams: ['care'] }),
      await checkIn(app, 'm5', LATEST[1]!, { mood: 4, energy: 3, stress: 2 }, { teams: ['care'] }),
    ];
    const all = [...(await Promise.all(names('m', 4).map((m) => app.store.history.checkIns(pid(m), { from: LATEST[0]!, to: LATEST[6]! })))).flat(), ...twice];
    const exact = exactWeek({ team: (await app.store.teams.get('shell/care'))!, week: { from: LATEST[0]!, to: LATEST[6]! }, checkIns: all, members: new Set(names('m', 6).map(pid)), threshold: 5 });
    expect(exact.mood).toEqual([1, 1, 2, 1, 0]);
    expect(exact.energy).toEqual([0, 0, 5, 0, 0]);
    expect(exact.respondents.size).toBe(5);
  });

  it('given 5 respondents, shows noisy means and distributions near the true ones, and the same figures on every reading', async () => {
    await team(app, 'care', { members: names('m', 6), leads: ['maya'], threshold: 5, name: 'Care' });
    for (const m of names('m', 5)) await checkIn(app, m, LATEST[0]!, { mood: 4, energy: 3, stress: 2 }, { teams: ['care'] });
    const reply = await run(app, 'maya', 'digest');
    for (const [label, truth] of [['Mood', 4], ['Energy', 3], ['Stress', 2]] as const) {
      const f = scoreFigures(reply.text, label)!;
      expect([0, 5]).toContain(f.distribution.length); // everyone at one score: coarsened to "nearly all at"
      expect(Math.abs(f.mean - truth)).toBeLessThanOrEqual(2);
    }
    expect(shownRespondents(reply.text)).toBeGreaterThanOrEqual(0);
    expect((await run(app, 'maya', 'digest')).text).toBe(reply.text);
  });

  it('lists a theme only when about twice the threshold of people used it, with an approximate count, and never quotes a note', async () => {
    await team(app, 'care', { members: names('m', 14), leads: ['maya'], threshold: 5, name: 'Care' });
    // 14 people wrote about meetings, 5 about the deadline: only meetings is clearly above 5 people.
    for (const [i, m] of names('m', 14).entries()) await checkIn(app, m, LATEST[2]!, { mood: 3 }, { teams: ['care'], note: i < 5 ? `meetings again, deadline ${i}` : 'so many meetings' });
    const reply = await run(app, 'maya', 'digest');
    const line = reply.text.split('\n').find((l) => l.startsWith('Themes in notes'))!;
    expect(line).toMatch(/^Themes in notes \(each used by at least 5 people; counts are approximate\): meetings \(about \d+ people\)$/);
    expect(reply.text).not.toContain('deadline');
    expect(reply.text).not.toContain('so many meetings');
  });

  it('says so when no theme reaches the threshold', async () => {
    await team(app, 'care', { members: names('m', 5), leads: ['maya'], threshold: 5, name: 'Care' });
    for (const [i, m] of names('m', 5).entries()) await checkIn(app, m, LATEST[2]!, { mood: 3 }, { teams: ['care'], note: i < 4 ? 'deadline' : 'calm' });
    const reply = await run(app, 'maya', 'digest');
    expect(reply.text.split('\n')).toContain('No word or phrase in notes was used by clearly more than 5 people this week.');
    expect(reply.text).not.toContain('deadline');
  });

  it("shows a shared note with its author's name to the team's lead only, not to an admin who does not lead it", async () => {
    await team(app, 'care', { members: names('m', 5), leads: ['maya'], threshold: 5, name: 'Care' });
    for (const m of names('m', 5)) {
      const shared = m === 'm1';
      await checkIn(app, m, LATEST[3]!, { mood: 3 }, { teams: ['care'], note: shared ? 'I could use help with the release plan' : 'private thoughts here', shareNote: shared });
    }
    const lead = await run(app, 'maya', 'digest');
    expect(lead.text.split('\n').slice(-3)).toEqual(['Shared with you', 'These people chose to share their note with you by name, while you were their lead.', '> m1, 2026-02-26: "I could use help with the release plan"']);
    expect(lead.text).not.toContain('private thoughts');
    const admin = await run(app, 'boss', 'digest care');
    expect(admin.text).not.toContain('release plan');
    expect(admin.text).not.toContain('Shared with you');
  });

  it('shows team questions as aggregates only when the threshold of people answered each', async () => {
    await team(app, 'care', {
      members: names('m', 12),
      leads: ['maya'],
      threshold: 5,
      name: 'Care',
      questions: [
        { id: 'support', kind: 'scale', text: 'How supported did you feel?' },
        { id: 'win', kind: 'text', text: 'What went well?' },
        { id: 'block', kind: 'text', text: 'What blocked you?' },
      ],
    });
    for (const [i, m] of names('m', 12).entries()) {
      const custom: Record<string, number | string> = { win: `pairing with a colleague ${i}`, ...(i < 4 ? { support: 4, block: 'flaky tests' } : {}) };
      await checkIn(app, m, LATEST[0]!, { mood: 3 }, { teams: ['care'], custom });
    }
    const reply = await run(app, 'maya', 'digest');
    const text = reply.text.split('\n');
    const start = text.indexOf('Team questions');
    expect(text[start + 1]).toBe('How supported did you feel?: fewer than 5 people answered, so nothing is shown.');
    expect(text[start + 2]).toMatch(/^What went well\?: (colleague|pairing) \(about \d+ people\), (colleague|pairing) \(about \d+ people\)$/);
    expect(text[start + 3]).toBe('What blocked you?: fewer than 5 people answered, so nothing is shown.');
    expect(reply.text).not.toContain('flaky');
  });

  it('counts check-ins for the teams the person was in when they answered, not their current team', async () => {
    await team(app, 'care', { members: names('m', 5), leads: ['maya'], threshold: 3, name: 'Care' });
    await team(app, 'ops', { members: ['o1', 'o2', 'o3'], leads: ['olga'], threshold: 3, name: 'Ops' });
    for (const m of names('m', 5)) await checkIn(app, m, LATEST[0]!, { mood: 4 }, { teams: ['care'] });
    for (const o of ['o1', 'o2', 'o3']) await checkIn(app, o, LATEST[0]!, { mood: 2 }, { teams: ['ops'] });
    // m1 moves to ops today: last week's answer still belongs to care.
    const ops = (await app.store.teams.get('shell/ops'))!;
    await putTeam(app.store, { ...ops, members: [...ops.members, { personId: 'shell:m1', from: '2026-03-02T09:00:00.000Z' }] });
    const care = await run(app, 'maya', 'digest');
    expect(care.text).toMatch(/Participation: about \d+ of 5 people/);
    expect(scoreFigures(care.text, 'Mood')!.mean).toBeGreaterThanOrEqual(3);
    const opsDigest = await run(app, 'olga', 'digest');
    expect(opsDigest.text).toMatch(/Participation: about \d+ of 3 people/);
    expect(scoreFigures(opsDigest.text, 'Mood')!.mean).toBeLessThanOrEqual(3);
  });
});
