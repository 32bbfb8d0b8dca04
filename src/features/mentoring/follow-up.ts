import type { AppContext } from '../../core/app-context.js';
import { UserError } from '../../core/errors.js';
import { FOLLOW_UP_ANSWERS, type FollowUpAnswer, type MentorMatch } from '../../core/model/mentoring.js';
import type { Person } from '../../core/model/person.js';
import { reply, text, type Reply } from '../../core/reply.js';
import { FOLLOW_UP_DAYS, matchWaitingRequests, nameOf } from './mentor-flow.js';

/** The action "did you meet?" buttons submit: value `<match id>:<yes|not-yet|end>`. */
export const MET_ACTION = { command: 'mentor status', action: 'met' } as const;

export function otherOf(match: MentorMatch, personId: string): string {
  return match.mentorId === personId ? match.menteeId : match.mentorId;
}

export async function mentorFollowUpReply(app: AppContext, match: MentorMatch, personId: string): Promise<Reply> {
  const copy = app.content.copy;
  const question = copy('mentor.followUp', { name: await nameOf(app, otherOf(match, personId)), goal: match.goal, days: FOLLOW_UP_DAYS });
  return reply(question, [
    text(question),
    {
      type: 'choice',
      id: `met-${match.id}`,
      label: copy('mentor.followUpLabel'),
      style: 'buttons',
      options: [
        { label: copy('mentor.metYes'), value: `${match.id}:yes` },
        { label: copy('mentor.metNotYet'), value: `${match.id}:not-yet` },
        { label: copy('mentor.metEnd'), value: `${match.id}:end` },
      ],
      action: { ...MET_ACTION },
    },
  ]);
}

/** Records a mentee's or mentor's answer; "end" ends the match (freeing the mentor's place) and tells the other. */
export async function answerMentorFollowUp(app: AppContext, person: Person, value: string, now: Date): Promise<Reply> {
  const copy = app.content.copy;
  const [matchId = '', answer = ''] = value.split(':');
  const match = await app.store.mentoring.matches.get(matchId);
  if (!match || !(FOLLOW_UP_ANSWERS as readonly string[]).includes(answer)) throw new UserError(copy('mentor.followUpUnknown'));
  if (match.mentorId !== person.id && match.menteeId !== person.id) throw new UserError(copy('mentor.followUpUnknown'));
  if (match.status !== 'active') throw new UserError(copy('mentor.matchEnded'));
  // One update-by-function on the match: both people answering at once are both recorded. Ending it and
  // telling the other person are written together.
  await app.store.transaction(async (tx) => {
    await tx.mentoring.matches.update(matchId, (x) => {
      if (x.status !== 'active') throw new UserError(copy('mentor.matchEnded'));
      const followUps = { ...x.followUps, [person.id]: { answer: answer as FollowUpAnswer, at: now.toISOString() } };
      return answer === 'end' ? { ...x, followUps, status: 'ended', endedAt: now.toISOString() } : { ...x, followUps };
    });
    if (answer !== 'end') return;
    const notice = reply(copy('mentor.endedNotice', { name: person.name, goal: match.goal }));
    await tx.outbox.enqueue({ key: `mentor-ended:${matchId}`, recipients: [otherOf(match, person.id)], reply: notice }, now);
  });
  if (answer === 'end') {
    await app.outbox.flush?.();
    // The mentor has a free place again: someone waiting may fit.
    await matchWaitingRequests(app, match.workspace, now);
    return reply(copy('mentor.endedThanks'), [], { private: true });
  }
  return reply(copy(answer === 'yes' ? 'mentor.metThanks' : 'mentor.notYetThanks'), [], { private: true });
}

/** Active matches whose follow-up is due, and who still owes an answer. */
export async function pendingMentorFollowUps(app: AppContext, personId: string, now: Date): Promise<MentorMatch[]> {
  const due = now.getTime() - FOLLOW_UP_DAYS * 86_400_000;
  const [asMentor, asMentee] = await Promise.all([
    app.store.mentoring.matches.list({ mentorId: personId, status: 'active' }),
    app.store.mentoring.matches.list({ menteeId: personId, status: 'active' }),
  ]);
  return [...asMentor, ...asMentee].filter((x) => !x.followUps[personId] && new Date(x.startedAt).getTime() <= due);
}
