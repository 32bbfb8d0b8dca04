import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, makeTestApp, run, type TestApp } from '../../helpers/test-app.js';
import { typeIntoShell } from '../../helpers/shell-driver.js';
import { renderReply } from '../../../src/adapters/shell/render.js';
import { pairsMetSummary, runDueRounds, teamPairsMet } from '../../../src/features/mentoring/rounds.js';
import { pairsRoundsJob } from '../../../src/scheduler/jobs/pairs-rounds.js';
import { pairsFollowUpJob } from '../../../src/scheduler/jobs/mentoring-follow-ups.js';
import { teamId } from '../../../src/core/model/team.js';
import { putTeam } from '../../helpers/seed.js';
import { mentoringOf } from '../../helpers/seed.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
});
afterEach(async () => {
  await app.cleanup();
});

const PEOPLE = ['ann', 'ben', 'cat', 'dan', 'eve'];
const at = (iso: string) => new Date(iso);

async function joinAll(names = PEOPLE) {
  for (const n of names) await run(app, n, 'pairs join');
}

describe('pairing rounds', () => {
  it('the first round runs on the Monday after the pool starts, groups everyone (a trio for the odd one), and runs once', async () => {
    await joinAll();
    expect(await runDueRounds(app, at('2026-03-09T09:59:00Z'))).toEqual([]);
    const [round] = await runDueRounds(app, at('2026-03-09T10:00:00Z'));
    expect(round!.slot).toBe('2026-03-09');
    expect(round!.groups.map((g) => g.length).sort()).toEqual([2, 3]);
    expect(round!.groups.flat().sort()).toEqual(PEOPLE.map((n) => `shell:${n}`));
    expect(await runDueRounds(app, at('2026-03-09T10:05:00Z'))).toEqual([]);
    expect(await runDueRounds(app, at('2026-03-22T23:00:00Z'))).toEqual([]);
    const [second] = await runDueRounds(app, at('2026-03-23T10:00:00Z'));
    expect(second!.slot).toBe('2026-03-23');
  });

  it('skips paused and departed people', async () => {
    await joinAll();
    expect((await run(app, 'dan', 'pairs pause 2')).text).toBe('Paused until 2026-03-15: you will not be paired in rounds before then. Join again to end the pause early.');
    expect((await run(app, 'eve', 'pairs leave')).text).toBe('You left the pairing rounds for everyone. Join again any time with /attune pairs join.');
    const [round] = await runDueRounds(app, at('2026-03-09T10:00:00Z'));
    expect(round!.groups.flat().sort()).toEqual(['shell:ann', 'shell:ben', 'shell:cat']);
    const [next] = await runDueRounds(app, at('2026-03-23T10:00:00Z'));
    expect(next!.groups.flat().sort()).toEqual(['shell:ann', 'shell:ben', 'shell:cat', 'shell:dan']);
  });

  it('the job lists everyone due without writing, the first what makes the round, and each person gets their own intro', async () => {
    await joinAll(['ann', 'ben', 'cat', 'dan']);
    const window = { from: at('2026-03-09T09:59:00Z'), to: at('2026-03-09T10:00:00Z') };
    const due = await pairsRoundsJob.occurrences(app, window);
    expect(due.map((o) => o.personId)).toEqual(['shell:ann', 'shell:ben', 'shell:cat', 'shell:dan']);
    expect(due[0]).toMatchObject({ key: 'pairs-round:shell', localDate: '2026-03-09', data: { poolId: 'shell', slot: '2026-03-09' } });
    expect((await mentoringOf(app.store)).pools.shell!.rounds).toEqual([]);

    app.clock.set(window.to);
    const intros = await Promise.all(due.map((o) => pairsRoundsJob.what(app, o)));
    expect((await mentoringOf(app.store)).pools.shell!.rounds).toHaveLength(1);
    const round = (await app.store.pairing.round('shell', '2026-03-09'))!;
    const annGroup = round.groups.find((g) => g.includes('shell:ann'))!;
    const partner = annGroup.find((m) => m !== 'shell:ann')!.slice('shell:'.length);
    const annIntro = renderReply(intros[0]!).text;
    expect(annIntro).toContain(`This round of pairing for everyone puts you with ${partner}.`);
    const starter = annIntro.split('\n').find((l) => l.startsWith('> A question to start: '))!.slice('> A question to start: '.length);
    expect(app.content.mentoring.pairStarters).toContain(starter);
    // The same window asked again lists the stored round's people; the round is not made twice.
    expect((await pairsRoundsJob.occurrences(app, window)).map((o) => o.personId)).toEqual(['shell:ann', 'shell:ben', 'shell:cat', 'shell:dan']);
    await pairsRoundsJob.what(app, due[0]!);
    expect((await mentoringOf(app.store)).pools.shell!.rounds).toHaveLength(1);
  });

  it('an admin changes the cadence; the next round follows it', async () => {
    await run(app, 'ann', 'help');
    await joinAll();
    await runDueRounds(app, at('2026-03-09T10:00:00Z'));
    expect((await run(app, 'ann', 'pairs cadence 1')).text).toBe('Pairing rounds for everyone now run every 1 week(s). The next round is on 2026-03-16.');
    const [next] = await runDueRounds(app, at('2026-03-16T10:00:00Z'));
    expect(next!.slot).toBe('2026-03-16');
  });

  it('after a long downtime only the latest missed round runs', async () => {
    await joinAll();
    const made = await runDueRounds(app, at('2026-04-22T12:00:00Z'));
    expect(made.map((r) => r.slot)).toEqual(['2026-04-20']);
  });

  it('a team digest gets the count of pairs that met only when at least the threshold of people were paired', async () => {
    const id = teamId('shell', 'care');
    const names = ['ann', 'ben', 'cat', 'dan', 'eve', 'fay'];
    await run(app, 'ann', 'help');
    const team = await putTeam(app.store, {
      id,
      workspace: 'shell',
      name: 'Care',
      createdAt: app.clock.now().toISOString(),
      members: names.map((n) => ({ personId: `shell:${n}`, from: app.clock.now().toISOString() })),
      leads: [],
      digestDay: 'mon',
      digestTime: '09:00',
      questions: [],
    });
    for (const n of names.slice(0, 4)) await run(app, n, 'pairs join care');
    await runDueRounds(app, at('2026-03-09T10:00:00Z'));
    await act(app, 'ann', 'pairs status', 'met', { value: `${id}|2026-03-09|yes` });
    const range = { from: '2026-03-01', to: '2026-03-31' };
    // Four people paired, threshold 5 (the default): withheld.
    expect(await teamPairsMet(app, team, range)).toBeUndefined();
    expect(await teamPairsMet(app, { ...team, threshold: 4 }, range)).toEqual({ rounds: 1, groups: 2, met: 1, people: 4 });
  });

  it('team pools: only team members join, and a round pairs within the team', async () => {
    const id = teamId('shell', 'care');
    await run(app, 'ann', 'help');
    await putTeam(app.store, {
      id,
      workspace: 'shell',
      name: 'Care',
      createdAt: app.clock.now().toISOString(),
      members: ['ann', 'ben'].map((n) => ({ personId: `shell:${n}`, from: app.clock.now().toISOString() })),
      leads: [],
      digestDay: 'mon',
      digestTime: '09:00',
      questions: [],
    });
    expect((await run(app, 'cat', 'pairs join care')).text).toBe('You are not a member of Care, so you can\'t join its pairing rounds.');
    expect((await run(app, 'ann', 'pairs join care')).text).toContain('You joined the pairing rounds for Care.');
    await run(app, 'ben', 'pairs join care');
    await run(app, 'cat', 'pairs join');
    const made = await runDueRounds(app, at('2026-03-09T10:00:00Z'));
    expect(made.map((r) => [r.poolId, r.groups])).toEqual([[id, [['shell:ann', 'shell:ben']]]]);
  });

  it('asks after 7 days whether people met, records answers from pairs status, and counts met pairs for a digest', async () => {
    await joinAll(['ann', 'ben', 'cat', 'dan']);
    await runDueRounds(app, at('2026-03-09T10:00:00Z'));
    const window = { from: at('2026-03-16T09:59:00Z'), to: at('2026-03-16T10:00:00Z') };
    const due = await pairsFollowUpJob.occurrences(app, window);
    expect(due.map((o) => o.personId).sort()).toEqual(['shell:ann', 'shell:ben', 'shell:cat', 'shell:dan']);
    expect(due[0]).toMatchObject({ key: 'pairs-follow-up:shell', localDate: '2026-03-16' });
    app.clock.set(window.to);
    const question = await pairsFollowUpJob.what(app, due.find((o) => o.personId === 'shell:ann')!);
    expect(renderReply(question!).text).toMatch(/^Did you meet \w+ from the last pairing round\?/);

    const out = await typeIntoShell(app, ['pairs status', '1', 'pairs status'], 'ann');
    expect(out).toContain('Thanks, noted.');
    expect(out).toMatch(/Last round \(2026-03-09\): you met \w+, and you said: Yes, we met\./);
    expect(await pairsFollowUpJob.what(app, due.find((o) => o.personId === 'shell:ann')!)).toBeUndefined();

    const round = (await app.store.pairing.round('shell', '2026-03-09'))!;
    const other = round.groups.find((g) => !g.includes('shell:ann'))!;
    const name = other[0]!.slice('shell:'.length);
    await act(app, name, 'pairs status', 'met', { value: 'shell|2026-03-09|not-yet' });
    expect(await pairsMetSummary(app, 'shell', { from: '2026-03-01', to: '2026-03-31' })).toEqual({ rounds: 1, groups: 2, met: 1, people: 4 });
    expect(await pairsMetSummary(app, 'shell', { from: '2026-04-01', to: '2026-04-30' })).toEqual({ rounds: 0, groups: 0, met: 0, people: 0 });
    expect((await act(app, 'zed', 'pairs status', 'met', { value: 'shell|2026-03-09|yes' })).text).toBe('I can\'t find that pairing any more, so nothing changed.');
  });
});
