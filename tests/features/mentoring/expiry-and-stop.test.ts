import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, makeTestApp, run, type TestApp } from '../../helpers/test-app.js';
import { renderReply } from '../../../src/adapters/shell/render.js';
import { mentoringInvitationsJob } from '../../../src/scheduler/jobs/mentoring-invitations.js';
import { advanceMentoring } from '../../../src/features/mentoring/mentor-flow.js';
import { mentoringOf } from '../../helpers/seed.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
});
afterEach(async () => {
  await app.cleanup();
});

const HOUR = 3_600_000;
const invitations = async () => Object.values((await mentoringOf(app.store)).invitations);

describe('invitation expiry after 48 hours', () => {
  it('the job lists the overdue invitation for the requester, expires it, invites the next mentor and tells the requester', async () => {
    await run(app, 'alice', 'mentor offer handling stress');
    await run(app, 'carol', 'mentor offer handling stress');
    await run(app, 'bob', 'mentor request handling stress before deadlines');
    const [first] = await invitations();
    const start = app.clock.now().getTime();

    expect(await mentoringInvitationsJob.occurrences(app, { from: new Date(start), to: new Date(start + 47 * HOUR) })).toEqual([]);
    const due = await mentoringInvitationsJob.occurrences(app, { from: new Date(start + 47 * HOUR), to: new Date(start + 48 * HOUR) });
    expect(due).toEqual([
      { personId: 'shell:bob', key: `mentor-invitation-expiry:${first!.id}`, localDate: '2026-03-04', dueAt: new Date(start + 48 * HOUR), data: { invitationId: first!.id } },
    ]);

    app.clock.set(new Date(start + 48 * HOUR));
    const notice = await mentoringInvitationsJob.what(app, due[0]!);
    expect(renderReply(notice!).text).toBe("The mentor I asked didn't answer within 48 hours. I have invited another mentor; they have 48 hours to answer.");
    const after = await invitations();
    expect(after.map((i) => i.status).sort()).toEqual(['expired', 'pending']);
    const next = after.find((i) => i.status === 'pending')!;
    expect(next.mentorId).not.toBe(first!.mentorId);
    expect(app.outbox.sent.at(-1)!.to).toEqual([next.mentorId]);

    // Run twice: nothing more happens.
    expect(await mentoringInvitationsJob.what(app, due[0]!)).toBeUndefined();
    expect((await invitations())).toHaveLength(2);
  });

  it('when the last mentor lets it expire, the request stays open and is matched when a new mentor offers', async () => {
    await run(app, 'alice', 'mentor offer empathy');
    await run(app, 'bob', 'mentor request empathy with colleagues');
    app.clock.advance(49 * HOUR);
    expect(await advanceMentoring(app, app.clock.now())).toBe(1);
    expect(renderReply(app.outbox.sent.at(-1)!.reply).text).toBe(
      "The mentor I asked didn't answer within 48 hours. Nobody else offers Empathy with room right now. Your request stays open, and I'll invite a mentor as soon as one fits.",
    );
    expect(await advanceMentoring(app, app.clock.now())).toBe(0);
    const request = Object.values((await mentoringOf(app.store)).requests)[0]!;
    expect(request).toMatchObject({ status: 'open', tried: ['shell:alice'] });

    // alice offering again is not asked twice for the same request; dan is.
    await run(app, 'alice', 'mentor offer empathy capacity 3');
    expect((await invitations()).filter((i) => i.status === 'pending')).toEqual([]);
    await run(app, 'dan', 'mentor offer empathy');
    expect((await invitations()).filter((i) => i.status === 'pending').map((i) => i.mentorId)).toEqual(['shell:dan']);
  });
});

describe('mentor stop', () => {
  it('withdraws pending invitations, passes requests on, and keeps current mentees', async () => {
    await run(app, 'alice', 'mentor offer active listening capacity 2');
    await run(app, 'bob', 'mentor request active listening');
    await act(app, 'alice', 'mentor request', 'answer', { value: `accept:${(await invitations())[0]!.id}` });
    await run(app, 'carol', 'mentor request listening better');
    const r = await run(app, 'alice', 'mentor stop');
    expect(r.text).toBe('You no longer offer to mentor; nobody new will be matched with you. Current mentees: 1. Invitations passed on to other mentors: 1.');
    expect((await mentoringOf(app.store)).profiles['shell:alice']).toBeUndefined();
    expect(Object.values((await mentoringOf(app.store)).matches).map((x) => x.status)).toEqual(['active']);
    expect(renderReply(app.outbox.sent.at(-1)!.reply).text).toContain('The mentor I asked has stopped mentoring. Nobody else offers Active listening');
    expect((await run(app, 'alice', 'mentor stop')).text).toContain('You are not offering to mentor, so there is nothing to stop.');
  });
});

describe('capacity', () => {
  it('a mentor with capacity 1 is not invited while an invitation or a mentee holds the place', async () => {
    await run(app, 'alice', 'mentor offer giving feedback capacity 1');
    await run(app, 'bob', 'mentor request giving feedback');
    const second = await run(app, 'carol', 'mentor request giving feedback');
    expect(second.text).toContain('Nobody offers Giving feedback with room for a mentee right now.');
    await act(app, 'alice', 'mentor request', 'answer', { value: `accept:${(await invitations())[0]!.id}` });
    expect((await invitations()).filter((i) => i.status === 'pending')).toEqual([]);
    // Ending the match frees the place, and carol's waiting request is passed to alice at once.
    const match = Object.values((await mentoringOf(app.store)).matches)[0]!;
    const ended = await act(app, 'bob', 'mentor status', 'met', { value: `${match.id}:end` });
    expect(ended.text).toBe('The match is ended. Thank you for taking part.');
    const endedNotice = app.outbox.sent.find((s) => renderReply(s.reply).text.includes('has ended'))!;
    expect(endedNotice.to).toEqual(['shell:alice']);
    expect(renderReply(endedNotice.reply).text).toBe('bob has ended your mentoring match about "giving feedback". Thank you for taking part.');
    expect(renderReply(app.outbox.sent.at(-1)!.reply).text).toContain('Good news: a mentor for your goal (Giving feedback) is now available');
    expect((await invitations()).filter((i) => i.status === 'pending').map((i) => [i.mentorId, i.menteeId])).toEqual([['shell:alice', 'shell:carol']]);
  });

  it('bob is not matched again with a mentor he had in the last 90 days', async () => {
    await run(app, 'alice', 'mentor offer giving feedback capacity 3');
    await run(app, 'bob', 'mentor request giving feedback');
    await act(app, 'alice', 'mentor request', 'answer', { value: `accept:${(await invitations())[0]!.id}` });
    const match = Object.values((await mentoringOf(app.store)).matches)[0]!;
    await act(app, 'bob', 'mentor status', 'met', { value: `${match.id}:end` });
    app.clock.advance(30 * 24 * HOUR);
    const again = await run(app, 'bob', 'mentor request giving feedback again');
    expect(again.text).toContain('Nobody offers Giving feedback with room');
    app.clock.advance(61 * 24 * HOUR);
    await run(app, 'alice', 'mentor offer giving feedback capacity 3');
    expect((await invitations()).filter((i) => i.status === 'pending').map((i) => i.menteeId)).toEqual(['shell:bob']);
  });
});
