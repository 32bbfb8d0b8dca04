import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/test-app.js';
import { typeIntoShell } from '../helpers/shell-driver.js';
import { renderReply } from '../../src/adapters/shell/render.js';
import { mentorFollowUpJob } from '../../src/scheduler/jobs/mentoring-follow-ups.js';
import { mentoringOf } from '../helpers/seed.js';

let app: TestApp;
beforeEach(async () => {
  app = await makeTestApp();
});
afterEach(async () => {
  await app.cleanup();
});

const HOUR = 3_600_000;
const plain = (i: number) => renderReply(app.outbox.sent[i]!.reply).text;

describe('mentor request flow through the shell', () => {
  it('offer, request, invitation, accept, group intro with three starters, and the 7-day follow-up recorded', async () => {
    const offered = await typeIntoShell(app, ['mentor offer de-escalating angry customers, active listening capacity 2'], 'alice');
    expect(offered).toContain('You offer: De-escalating an upset customer, Active listening. Up to 2 mentee(s) at a time.');

    const requested = await typeIntoShell(app, ['mentor request staying calm with angry customers'], 'bob');
    expect(requested).toContain('Goal: staying calm with angry customers');
    expect(requested).toContain('I have found a mentor for your goal (Self-regulation, De-escalating an upset customer) and invited them. They have 48 hours to answer');

    expect(app.outbox.sent).toHaveLength(1);
    expect(app.outbox.sent[0]!.to).toEqual(['shell:alice']);
    expect(plain(0)).toContain('bob would like a mentor: "staying calm with angry customers"');
    expect(plain(0)).toContain('  1) Accept\n  2) Decline');

    // alice answers from her status, where the invitation waits with its buttons.
    const accepted = await typeIntoShell(app, ['mentor status', '1'], 'alice');
    expect(accepted).toContain('Invitations waiting for your answer: 1.');
    expect(accepted).toContain("Thank you! I've introduced you to bob in a message to you both.");

    expect(app.outbox.sent).toHaveLength(2);
    const intro = app.outbox.sent[1]!;
    expect(intro.to).toEqual(['shell:bob', 'shell:alice']);
    const introText = plain(1);
    expect(introText).toContain('bob, meet alice, who offered to mentor you on De-escalating an upset customer.');
    expect(introText).toContain('> Goal: staying calm with angry customers');
    const skill = app.content.mentoring.skills.find((s) => s.id === 'de-escalation')!;
    const starters = introText.split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(2));
    expect(starters).toHaveLength(3);
    for (const s of starters) expect(skill.starters).toContain(s);

    const match = Object.values((await mentoringOf(app.store)).matches)[0]!;
    expect(match).toMatchObject({ mentorId: 'shell:alice', menteeId: 'shell:bob', status: 'active', skill: 'de-escalation' });

    // Seven days later the follow-up job asks both; bob says yes through his status.
    const window = { from: new Date(app.clock.now().getTime() + 7 * 24 * HOUR - HOUR), to: new Date(app.clock.now().getTime() + 7 * 24 * HOUR) };
    const due = await mentorFollowUpJob.occurrences(app, window);
    expect(due.map((o) => o.personId).sort()).toEqual(['shell:alice', 'shell:bob']);
    app.clock.set(window.to);
    const question = await mentorFollowUpJob.what(app, due.find((o) => o.personId === 'shell:bob')!);
    expect(renderReply(question!).text).toContain('It has been 7 days since you were introduced to alice about "staying calm with angry customers". Have you met?');

    const answered = await typeIntoShell(app, ['mentor status', '1'], 'bob');
    expect(answered).toContain('alice mentors you: "staying calm with angry customers", since 2026-03-02.');
    expect(answered).toContain('Great, thanks for telling me.');
    expect((await mentoringOf(app.store)).matches[match.id]!.followUps['shell:bob']?.answer).toBe('yes');
    // Answered: the job no longer asks bob.
    expect(await mentorFollowUpJob.what(app, due.find((o) => o.personId === 'shell:bob')!)).toBeUndefined();
  });

  it('tells a requester when nobody fits, and invites a fitting mentor as soon as one offers', async () => {
    const out = await typeIntoShell(app, ['mentor request getting better at saying no'], 'bob');
    expect(out).toContain("Nobody offers Saying no with room for a mentee right now. Your request stays open: I'll invite a mentor as soon as one fits");
    expect(app.outbox.sent).toHaveLength(0);

    const offer = await typeIntoShell(app, ['mentor offer setting boundaries and saying no'], 'carol');
    expect(offer).toContain('1 waiting request(s) fit your skills');
    expect(app.outbox.sent.map((s) => s.to)).toEqual([['shell:carol'], ['shell:bob']]);
    expect(plain(1)).toContain('Good news: a mentor for your goal (Saying no) is now available, and I have invited them.');
  });

  it('a decline moves on to the next mentor and tells the requester; a second click changes nothing', async () => {
    await typeIntoShell(app, ['mentor offer giving feedback'], 'alice');
    await typeIntoShell(app, ['mentor offer giving feedback'], 'carol');
    await typeIntoShell(app, ['mentor request giving feedback to my team'], 'bob');
    const first = app.outbox.sent[0]!.to[0]!;
    const second = first === 'shell:alice' ? 'carol' : 'alice';
    const firstName = first.slice('shell:'.length);

    const declined = await typeIntoShell(app, ['mentor status', '2'], firstName);
    expect(declined).toContain("Thanks for letting me know. I'll ask another mentor.");
    expect(app.outbox.sent[1]!.to).toEqual([`shell:${second}`]);
    expect(app.outbox.sent[2]!.to).toEqual(['shell:bob']);
    expect(plain(2)).toBe("The mentor I asked can't take this on right now. I have invited another mentor; they have 48 hours to answer.");

    const invitationId = Object.values((await mentoringOf(app.store)).invitations).find((i) => i.mentorId === first)!.id;
    const again = await app.dispatcher.dispatch({
      kind: 'action',
      actor: { id: first, platform: 'shell', workspace: 'shell', displayName: firstName },
      command: 'mentor request',
      action: 'answer',
      value: `accept:${invitationId}`,
    });
    expect(again.reply.text).toBe('You already declined this invitation, so nothing changed.');
    expect(Object.values((await mentoringOf(app.store)).matches)).toHaveLength(0);
  });
});
