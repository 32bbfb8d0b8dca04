import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderReply } from '../../src/adapters/shell/render.js';
import type { PersonalData } from '../../src/core/store/index.js';
import { act, makeTestApp, run, type TestApp } from '../helpers/test-app.js';
import { team } from '../digest/fixtures.js';
import { mentorMatch } from './helpers.js';
import { teamActivityBlocks } from '../../src/features/practice/team-counts.js';
import type { DigestWeek } from '../../src/core/model/digest-week.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
});
afterEach(async () => {
  await app.cleanup();
});

async function exported(name: string): Promise<PersonalData> {
  const reply = await run(app, name, 'privacy export');
  const file = reply.blocks.find((b) => b.type === 'file');
  if (file?.type !== 'file') throw new Error('no export file');
  return JSON.parse(new TextDecoder().decode(file.data)) as PersonalData;
}

async function erase(name: string): Promise<void> {
  const confirm = await run(app, name, 'privacy delete');
  const choice = confirm.blocks.find((b) => b.type === 'choice');
  if (choice?.type !== 'choice') throw new Error('no confirmation');
  await act(app, name, 'privacy delete', 'confirm', { value: choice.options[0]!.value });
}

async function practiseSolo(name: string, answer: string): Promise<void> {
  await run(app, name, 'practice');
  await act(app, name, 'practice', 'answer', { values: { answer } });
}

describe('practice and thanks in privacy export and delete', () => {
  it('the export holds the practice answer, the per-skill counts, the thank-you sent and the peer session', async () => {
    await mentorMatch(app);
    await practiseSolo('bob', 'I am sorry, that is on us. I will call you back by 4pm.');
    await run(app, 'bob', 'practice with alice');
    await run(app, 'bob', 'thanks alice for showing me how to slow down');
    const data = (await exported('bob')) as PersonalData & { practice: Record<string, unknown> & { sessions: Array<{ answer?: string }>; peerSessions: unknown[]; thanksSent: unknown[] } };
    expect(data.practice.sessions.map((s) => s.answer)).toEqual(['I am sorry, that is on us. I will call you back by 4pm.', undefined]);
    expect(data.practice.thanksSent).toEqual([expect.objectContaining({ to: 'shell:alice', text: 'for showing me how to slow down' })]);
    expect(data.practice.peerSessions).toHaveLength(1);
    expect(Object.values(data.practice.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(2);
    // A card waiting for an answer is in the export too.
    await run(app, 'bob', 'practice');
    expect((await exported('bob')).pending).toHaveProperty('practice');
  });

  it('delete erases the person\'s practice, answers, thanks and peer sessions, and their id from thanks others sent', async () => {
    await mentorMatch(app);
    await practiseSolo('bob', 'A private answer that must go.');
    await run(app, 'bob', 'practice with alice');
    await run(app, 'alice', 'thanks bob for the cover');
    await erase('bob');
    const state = { people: await app.store.practice.people.list(), peers: await app.store.practice.peers.list(), thanks: await app.store.practice.thanks.list() };
    expect(await app.store.practice.people.get('shell:bob')).toBeUndefined();
    expect(state.peers).toEqual([]);
    expect(await app.store.practice.thanks.list({ from: 'shell:alice' })).toEqual([expect.not.objectContaining({ to: expect.anything() })]);
    expect(JSON.stringify(state)).not.toContain('shell:bob');
    expect(JSON.stringify(state)).not.toContain('A private answer that must go.');
  });
});

describe('what a lead sees of practice and thanks', () => {
  const members = ['m1', 'm2', 'm3', 'm4'];
  beforeEach(async () => {
    await team(app, 'care', { members, leads: ['lead'], threshold: 3 });
    // The digest's latest week is 2026-02-23..03-01; practise in it, read the digest on Monday 03-02.
    app.clock.set('2026-02-25T10:00:00Z');
  });
  const digest = async () => {
    app.clock.set('2026-03-02T10:00:00Z');
    return renderReply(await run(app, 'lead', 'digest')).text;
  };

  it('given 2 people who practised and 2 thanked, with a threshold of 3, the digest says nothing of practice or thanks', async () => {
    await practiseSolo('m1', 'Secret words one.');
    await practiseSolo('m2', 'Secret words two.');
    await run(app, 'm3', 'thanks m1 for the help with the outage queue');
    await run(app, 'm3', 'thanks m2 for the help');
    const text = await digest();
    expect(text).not.toContain('Practice');
    expect(text).not.toContain('Thank-yous');
    expect(text).not.toContain('Secret words');
    expect(text).not.toContain('outage queue');
  });

  it('given 3 people who practised and 3 thanked, the digest shows only the counts, never names or words', async () => {
    await practiseSolo('m1', 'Secret words one.');
    await practiseSolo('m1', 'Secret words again.');
    await practiseSolo('m2', 'Secret words two.');
    await practiseSolo('m3', 'Secret words three.');
    await run(app, 'm4', 'thanks m1 for the help');
    await run(app, 'm4', 'thanks m2 for the help');
    await run(app, 'm1', 'thanks m3 for the help with the outage queue');
    const text = await digest();
    // The figures carry noise (drawn once, when the week is frozen), like every count in a digest.
    expect(text).toMatch(/Practice: about \d+ role-play sessions by about \d+ people this week\./);
    expect(text).toMatch(/Thank-yous: about \d+ received by about \d+ people this week\./);
    expect(text).not.toContain('Secret words');
    expect(text).not.toContain('outage queue');
    for (const m of members) expect(text).not.toContain(m);
  });

  it('practice outside the week, or by people outside the team, does not count', async () => {
    await team(app, 'other', { members: ['x1', 'x2', 'x3'], leads: ['lead'], threshold: 3 });
    for (const x of ['x1', 'x2', 'x3']) await practiseSolo(x, 'Other team.');
    app.clock.set('2026-03-02T09:00:00Z');
    for (const m of ['m1', 'm2', 'm3']) await practiseSolo(m, 'This week, not last.');
    const text = renderReply(await run(app, 'lead', 'digest care')).text;
    expect(text).toContain('Morale digest · care');
    expect(text).not.toContain('Practice');
  });

  it('a week held back for overlapping with another team shows neither count, however many practised', () => {
    const week = {
      from: '2026-02-23', to: '2026-03-01', frozenAt: '2026-03-02T10:00:00.000Z', threshold: 3, members: 4, respondents: 4, themes: [], custom: [],
      activity: { practice: { sessions: 4, people: 4 }, thanks: { thanks: 5, people: 3 } },
    } as DigestWeek;
    expect(teamActivityBlocks(app, week)).toEqual([{ type: 'text', text: 'Practice: about 4 role-play sessions by about 4 people this week.\nThank-yous: about 5 received by about 3 people this week.' }]);
    expect(teamActivityBlocks(app, { ...week, withheld: 'overlap' })).toEqual([]);
  });

  it('a team and the same team minus one person cannot both show practice: the difference would say whether that person practised', async () => {
    await team(app, 'sub', { members: ['m2', 'm3', 'm4'], leads: ['lead'], threshold: 3 });
    for (const m of members) await practiseSolo(m, 'Secret words.');
    app.clock.set('2026-03-02T10:00:00Z');
    const shown = [];
    for (const t of ['care', 'sub']) shown.push(/Practice: /.test(renderReply(await run(app, 'lead', `digest ${t}`)).text));
    expect(shown.filter(Boolean)).toHaveLength(1);
  });

  it('practice counts are frozen with the week: practice logged late or an erasure later does not change them', async () => {
    for (const m of members) await practiseSolo(m, 'Secret words.');
    const first = (await digest()).match(/Practice: .*/)?.[0];
    expect(first).toMatch(/^Practice: about \d+ role-play sessions by about \d+ people this week\.$/);
    await erase('m1');
    expect((await digest()).match(/Practice: .*/)?.[0]).toBe(first);
  });
});
