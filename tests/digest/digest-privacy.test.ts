import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, run, type TestApp } from '../helpers/test-app.js';
import { checkIn, LATEST, names, person, team } from './fixtures.js';
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
      "Week of 2026-02-23 to 2026-03-01 (Monday to Sunday), compared with the week before. Every figure comes from at least 5 people; nobody's own answers are shown.",
      'Participation: 4 of 6 people checked in (67%), up 67 points · 8 weeks ▁▁▁▁▁▁▁▆',
      'Only 4 people checked in this week. Averages, themes and answers need at least 5 people so that nobody can be singled out, so this digest shows participation only.',
      '',
      'Signals',
      'No warning signs this week.',
    ]);
    expect(reply.text).not.toContain('Mood');
    expect(reply.text).not.toContain('deadline');
    expect(reply.private).toBe(true);
  });

  it('given 5 respondents, shows means over people (each weighs once) and the distribution by person', async () => {
    await team(app, 'care', { members: names('m', 6), leads: ['maya'], threshold: 5, name: 'Care' });
    const moods = [1, 2, 3, 4];
    for (const [i, m] of names('m', 4).entries()) await checkIn(app, m, LATEST[0]!, { mood: moods[i]!, energy: 3, stress: 2 }, { teams: ['care'] });
    // m5 answers twice (2 then 4): one person, mean 3, counted once.
    await checkIn(app, 'm5', LATEST[0]!, { mood: 2, energy: 3, stress: 2 }, { teams: ['care'] });
    await checkIn(app, 'm5', LATEST[1]!, { mood: 4, energy: 3, stress: 2 }, { teams: ['care'] });
    const reply = await run(app, 'maya', 'digest');
    const text = reply.text.split('\n');
    expect(text).toContain('Mood: 2.6 (no comparison: the week before has too few answers) · people by score 1-5: 1 · 1 · 2 · 1 · 0 · 8 weeks ·······▄');
    expect(text).toContain('Energy: 3.0 (no comparison: the week before has too few answers) · people by score 1-5: 0 · 0 · 5 · 0 · 0 · 8 weeks ·······▅');
    expect(text).toContain('Stress: 2.0 (no comparison: the week before has too few answers) · people by score 1-5: 0 · 5 · 0 · 0 · 0 · 8 weeks ·······▃');
  });

  it('lists a theme only when at least the threshold of people used it, and never quotes a note', async () => {
    await team(app, 'care', { members: names('m', 6), leads: ['maya'], threshold: 5, name: 'Care' });
    const notes = [
      'Too many meetings again, deadline looming',
      'meetings all afternoon; the deadline moved',
      'Back-to-back meetings',
      'deadline stress and meetings',
      'meetings, meetings, meetings. deadline',
    ];
    for (const [i, m] of names('m', 5).entries()) await checkIn(app, m, LATEST[2]!, { mood: 3 }, { teams: ['care'], note: notes[i]! });
    const reply = await run(app, 'maya', 'digest');
    expect(reply.text.split('\n')).toContain('Themes in notes (each used by at least 5 people): meetings (5 people)');
    expect(reply.text).not.toContain('deadline');
    for (const note of notes) expect(reply.text).not.toContain(note);
  });

  it('says so when no theme reaches the threshold', async () => {
    await team(app, 'care', { members: names('m', 5), leads: ['maya'], threshold: 5, name: 'Care' });
    for (const [i, m] of names('m', 5).entries()) await checkIn(app, m, LATEST[2]!, { mood: 3 }, { teams: ['care'], note: i < 4 ? 'deadline' : 'calm' });
    const reply = await run(app, 'maya', 'digest');
    expect(reply.text.split('\n')).toContain('No word or phrase in notes was used by 5 or more people this week.');
    expect(reply.text).not.toContain('deadline');
  });

  it("shows a shared note with its author's name to the team's lead only, not to an admin who does not lead it", async () => {
    await team(app, 'care', { members: names('m', 5), leads: ['maya'], threshold: 5, name: 'Care' });
    for (const m of names('m', 5)) {
      const shared = m === 'm1';
      await checkIn(app, m, LATEST[3]!, { mood: 3 }, { teams: ['care'], note: shared ? 'I could use help with the release plan' : 'private thoughts here', shareNote: shared });
    }
    const lead = await run(app, 'maya', 'digest');
    expect(lead.text.split('\n').slice(-3)).toEqual(['Shared with you', 'These people chose to share their note with you by name.', '> m1, 2026-02-26: "I could use help with the release plan"']);
    expect(lead.text).not.toContain('private thoughts');
    const admin = await run(app, 'boss', 'digest care');
    expect(admin.text).not.toContain('release plan');
    expect(admin.text).not.toContain('Shared with you');
  });

  it('shows team questions as aggregates only when the threshold of people answered each', async () => {
    await team(app, 'care', {
      members: names('m', 6),
      leads: ['maya'],
      threshold: 5,
      name: 'Care',
      questions: [
        { id: 'support', kind: 'scale', text: 'How supported did you feel?' },
        { id: 'win', kind: 'text', text: 'What went well?' },
        { id: 'block', kind: 'text', text: 'What blocked you?' },
      ],
    });
    for (const [i, m] of names('m', 5).entries()) {
      const custom: Record<string, number | string> = { win: `pairing with a colleague ${i}`, ...(i < 4 ? { support: 4, block: 'flaky tests' } : {}) };
      await checkIn(app, m, LATEST[0]!, { mood: 3 }, { teams: ['care'], custom });
    }
    const reply = await run(app, 'maya', 'digest');
    const text = reply.text.split('\n');
    const start = text.indexOf('Team questions');
    expect(text.slice(start, start + 4)).toEqual([
      'Team questions',
      'How supported did you feel?: fewer than 5 people answered, so nothing is shown.',
      'What went well?: colleague (5 people), pairing (5 people)',
      'What blocked you?: fewer than 5 people answered, so nothing is shown.',
    ]);
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
    expect(care.text).toContain('Participation: 5 of 5 people checked in (100%)');
    expect(care.text).toContain('Mood: 4.0');
    const opsDigest = await run(app, 'olga', 'digest');
    expect(opsDigest.text).toContain('Participation: 3 of 3 people checked in (100%)');
    expect(opsDigest.text).toContain('Mood: 2.0');
  });
});
