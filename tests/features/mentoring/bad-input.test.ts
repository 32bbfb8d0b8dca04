import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, makeTestApp, run, type TestApp } from '../../helpers/test-app.js';
import { mentoringOf } from '../../helpers/seed.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
});
afterEach(async () => {
  await app.cleanup();
});

const snapshot = async () => JSON.stringify(await mentoringOf(app.store));

describe('mentoring bad input: a clear message and nothing changes', () => {
  it('offering no skills lists the skills Attune knows, with usage', async () => {
    const before = await snapshot();
    const r = await run(app, 'alice', 'mentor offer');
    expect(r.text).toContain('Say which skills you can help with. Skills I know: Self-awareness, Self-regulation, Motivation, Empathy, Social skills, De-escalating an upset customer');
    expect(r.text).toContain('Usage: /attune mentor offer <skills> [capacity <1-10>]');
    expect((await snapshot())).toBe(before);
  });

  it('offering skills that map to no tag names them and the known skills', async () => {
    const before = await snapshot();
    const r = await run(app, 'alice', 'mentor offer juggling and origami');
    expect(r.text).toContain('I couldn\'t find a skill I know in "juggling and origami". Skills I know: Self-awareness,');
    expect(r.private).toBe(true);
    expect((await snapshot())).toBe(before);
  });

  it.each(['0', '11', 'two', '2.5'])('a capacity of %s is refused', async (value) => {
    const before = await snapshot();
    const r = await run(app, 'alice', `mentor offer giving feedback capacity ${value}`);
    expect(r.text).toContain(`The capacity "${value}" is not a whole number from 1 to 10`);
    expect(r.text).toContain('Example: mentor offer calming upset customers, giving feedback capacity 3');
    expect((await snapshot())).toBe(before);
  });

  it('a capacity from typed options outside 1-10 is refused too', async () => {
    const r = (await app.dispatcher.dispatch({ kind: 'command', actor: { id: 'discord:G1:U1', platform: 'discord', workspace: 'discord:G1', displayName: 'ann' }, command: 'mentor offer', options: { skills: 'giving feedback', capacity: '12' } })).reply;
    expect(r.text).toContain('capacity: a whole number from 1 to 10');
    expect((await mentoringOf(app.store)).profiles).toEqual({});
  });

  it('a request with no goal, or one that names no known skill, is refused', async () => {
    expect((await run(app, 'bob', 'mentor request')).text).toContain('Say what you would like to grow in');
    const r = await run(app, 'bob', 'mentor request becoming famous');
    expect(r.text).toContain('I couldn\'t tell which skill "becoming famous" is about. Name one of these in your goal:');
    expect((await mentoringOf(app.store)).requests).toEqual({});
  });

  it('a second open request is refused while the first waits', async () => {
    await run(app, 'bob', 'mentor request handling stress');
    const before = await snapshot();
    const r = await run(app, 'bob', 'mentor request active listening');
    expect(r.text).toBe('You already have an open request ("handling stress"). See it with /attune mentor status; I can look for one mentor at a time.');
    expect((await snapshot())).toBe(before);
  });

  it('someone who offers and requests the same skill is never matched with themselves', async () => {
    await run(app, 'alice', 'mentor offer giving feedback');
    const r = await run(app, 'alice', 'mentor request giving feedback');
    expect(r.text).toContain('Nobody offers Giving feedback with room for a mentee right now.');
    expect(app.outbox.sent).toEqual([]);
    expect((await mentoringOf(app.store)).invitations).toEqual({});
  });

  it('accepting an invitation meant for someone else changes nothing', async () => {
    await run(app, 'alice', 'mentor offer giving feedback');
    await run(app, 'bob', 'mentor request giving feedback');
    const inv = Object.values((await mentoringOf(app.store)).invitations)[0]!;
    const before = await snapshot();
    const r = await act(app, 'mallory', 'mentor request', 'answer', { value: `accept:${inv.id}` });
    expect(r.text).toBe('That invitation was sent to someone else, so nothing changed.');
    expect((await snapshot())).toBe(before);
  });

  it('accepting an invitation after 48 hours says it expired and creates no match', async () => {
    await run(app, 'alice', 'mentor offer giving feedback');
    await run(app, 'bob', 'mentor request giving feedback');
    const inv = Object.values((await mentoringOf(app.store)).invitations)[0]!;
    app.clock.advance(48 * 3_600_000);
    const r = await act(app, 'alice', 'mentor request', 'answer', { value: `accept:${inv.id}` });
    expect(r.text).toBe('This invitation expired after 48 hours and was passed on to another mentor, so nothing changed. Thank you all the same.');
    expect((await mentoringOf(app.store)).matches).toEqual({});
    expect((await mentoringOf(app.store)).invitations[inv.id]!.status).toBe('expired');
    // A second click is just as clear.
    const again = await act(app, 'alice', 'mentor request', 'answer', { value: `accept:${inv.id}` });
    expect(again.text).toBe(r.text);
  });

  it('accepting after the requester erased their data finds no invitation and changes nothing', async () => {
    await run(app, 'alice', 'mentor offer giving feedback');
    await run(app, 'bob', 'mentor request giving feedback');
    const inv = Object.values((await mentoringOf(app.store)).invitations)[0]!;
    await app.store.privacy.erasePerson('shell:bob');
    const r = await act(app, 'alice', 'mentor request', 'answer', { value: `accept:${inv.id}` });
    expect(r.text).toBe("I can't find that invitation. See your open invitations with /attune mentor status.");
    expect((await mentoringOf(app.store)).matches).toEqual({});
  });

  it('accepting twice changes nothing the second time', async () => {
    await run(app, 'alice', 'mentor offer giving feedback');
    await run(app, 'bob', 'mentor request giving feedback');
    const inv = Object.values((await mentoringOf(app.store)).invitations)[0]!;
    await act(app, 'alice', 'mentor request', 'answer', { value: `accept:${inv.id}` });
    const before = await snapshot();
    const sent = app.outbox.sent.length;
    const r = await act(app, 'alice', 'mentor request', 'answer', { value: `accept:${inv.id}` });
    expect(r.text).toBe('You already accepted this invitation, so nothing changed.');
    expect((await snapshot())).toBe(before);
    expect(app.outbox.sent).toHaveLength(sent);
  });

  it('joining the pairing rounds twice says so and changes nothing', async () => {
    const first = await run(app, 'alice', 'pairs join');
    expect(first.text).toBe('You joined the pairing rounds for everyone. Rounds run every 2 week(s); the next is on 2026-03-09. Pause with /attune pairs pause <weeks>.');
    const before = await snapshot();
    const again = await run(app, 'alice', 'pairs join');
    expect(again.text).toBe('You are already in the pairing rounds for everyone, so nothing changed. The next round is on 2026-03-09.');
    expect((await snapshot())).toBe(before);
  });

  it('pause needs 1-12 weeks; leave and pause without joining say so', async () => {
    expect((await run(app, 'alice', 'pairs pause')).text).toContain('"" is not a number of weeks from 1 to 12.');
    expect((await run(app, 'alice', 'pairs pause 13')).text).toContain('"13" is not a number of weeks from 1 to 12.\nUsage: /attune pairs pause <weeks>');
    expect((await run(app, 'alice', 'pairs pause 2')).text).toBe('You are not in any pairing rounds, so there is nothing to pause. Join with /attune pairs join.');
    expect((await run(app, 'alice', 'pairs leave')).text).toBe('You are not in the pairing rounds for everyone, so nothing changed. Join with /attune pairs join.');
    expect((await run(app, 'alice', 'pairs join nosuchteam')).text).toBe('There is no team "nosuchteam". Leave it out to join the rounds for everyone.');
    expect((await mentoringOf(app.store)).pools).toEqual({});
  });

  it('only an admin sets the cadence, to 1-12 weeks', async () => {
    await run(app, 'admin', 'help');
    expect((await run(app, 'bob', 'pairs cadence 3')).text).toBe('Only an admin of this workspace can use "pairs cadence".');
    expect((await run(app, 'admin', 'pairs cadence 0')).text).toContain('"0" is not a number of weeks from 1 to 12.');
    expect((await mentoringOf(app.store)).pools).toEqual({});
    expect((await run(app, 'admin', 'pairs cadence 3')).text).toBe('Pairing rounds for everyone now run every 3 week(s). The next round is on 2026-03-09.');
  });
});

describe('lowering capacity below the places taken', () => {
  it('is refused with the count, and the offer keeps its capacity', async () => {
    const app = await makeTestApp();
    try {
      await run(app, 'p0', 'mentor request handling stress');
      await run(app, 'p1', 'mentor request handling stress');
      await run(app, 'p5', 'mentor offer handling stress capacity 2');
      const out = await run(app, 'p5', 'mentor offer giving feedback capacity 1');
      expect(out.text).toBe(
        "You already have 2 place(s) taken (mentees and invitations waiting for your answer), so your capacity can't go down to 1. Answer your invitations with /attune mentor status, or choose a capacity of at least 2. Nothing was changed.",
      );
      expect((await mentoringOf(app.store)).profiles['shell:p5']?.capacity).toBe(2);
    } finally {
      await app.cleanup();
    }
  });
});
