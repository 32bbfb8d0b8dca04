import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../core/app-context.js';
import { UserError } from '../../core/errors.js';
import type { MentoringState, MentorInvitation, MentorMatch, MentorRequest } from '../../core/model/mentoring.js';
import type { Person } from '../../core/model/person.js';
import { currentMembers } from '../../core/model/team.js';
import { heading, reply, text, type Block, type Reply } from '../../core/reply.js';
import { stableHash } from '../../core/hash.js';
import { rankMentors, type MentorCandidate, type RankedMentor } from './matching.js';
import { skillLabel, skillLabels } from './skills.js';
import { WorkingWeek, type Availability } from './working-hours.js';

export const INVITATION_HOURS = 48;
export const FOLLOW_UP_DAYS = 7;
export const RECENT_PAIRING_DAYS = 90;
const DAY = 86_400_000;

/** The action a mentor's Accept / Decline buttons submit: value `accept:<invitation id>` or `decline:<id>`. */
export const ANSWER_ACTION = { command: 'mentor request', action: 'answer' } as const;

export function nameOf(app: AppContext, personId: string): string {
  return app.store.person(personId)?.name ?? 'someone who has left';
}

export function availabilityOf(app: AppContext, person: Person | undefined): Availability {
  return { tz: person?.tz ?? app.config.defaultTimeZone, workingDays: person?.workingDays ?? ['mon', 'tue', 'wed', 'thu', 'fri'] };
}

function teamsOf(app: AppContext, workspace: string): Map<string, Set<string>> {
  const byPerson = new Map<string, Set<string>>();
  for (const team of app.store.teams(workspace)) {
    for (const id of currentMembers(team)) {
      let set = byPerson.get(id);
      if (!set) byPerson.set(id, (set = new Set()));
      set.add(team.id);
    }
  }
  return byPerson;
}

/** Places a mentor has taken: active mentees and invitations not yet answered. */
export function loadOf(m: MentoringState): Map<string, number> {
  const load = new Map<string, number>();
  for (const x of Object.values(m.matches)) if (x.status === 'active') load.set(x.mentorId, (load.get(x.mentorId) ?? 0) + 1);
  for (const i of Object.values(m.invitations)) if (i.status === 'pending') load.set(i.mentorId, (load.get(i.mentorId) ?? 0) + 1);
  return load;
}

/** Mentors who fit this request, best first, as the state is now. */
export function rankFor(app: AppContext, m: MentoringState, request: MentorRequest, now: Date): RankedMentor[] {
  const teams = teamsOf(app, request.workspace);
  const load = loadOf(m);
  const excluded = new Set(request.tried);
  const since = now.getTime() - RECENT_PAIRING_DAYS * DAY;
  for (const x of Object.values(m.matches)) {
    const recent = x.status === 'active' || new Date(x.endedAt ?? x.startedAt).getTime() >= since;
    if (!recent) continue;
    if (x.menteeId === request.personId) excluded.add(x.mentorId);
    if (x.mentorId === request.personId) excluded.add(x.menteeId);
  }
  const candidates: MentorCandidate[] = Object.values(m.profiles)
    .filter((p) => p.workspace === request.workspace)
    .map((p) => ({
      personId: p.personId,
      skills: p.skills,
      capacity: p.capacity,
      load: load.get(p.personId) ?? 0,
      teams: teams.get(p.personId) ?? new Set<string>(),
      availability: availabilityOf(app, app.store.person(p.personId)),
    }));
  const query = {
    menteeId: request.personId,
    tags: request.tags,
    teams: teams.get(request.personId) ?? new Set<string>(),
    availability: availabilityOf(app, app.store.person(request.personId)),
    excluded,
  };
  return rankMentors(query, candidates, new WorkingWeek(now.getTime()));
}

/** What happened when Attune looked for a mentor for a request. */
export type InviteOutcome = { kind: 'invited'; invitation: MentorInvitation } | { kind: 'none' } | { kind: 'busy' };

/**
 * Invites the best fitting mentor for an open request that has no pending invitation, and sends the
 * invitation. Safe to call twice: a request already waiting on an invitation is left alone.
 */
export async function inviteNext(app: AppContext, requestId: string, now: Date): Promise<InviteOutcome> {
  const outcome = await app.store.updateMentoring((m): InviteOutcome => {
    const request = m.requests[requestId];
    if (!request || request.status !== 'open') return { kind: 'busy' };
    if (Object.values(m.invitations).some((i) => i.requestId === requestId && i.status === 'pending')) return { kind: 'busy' };
    const [best] = rankFor(app, m, request, now);
    if (!best) return { kind: 'none' };
    const invitation: MentorInvitation = {
      id: randomUUID().slice(0, 12),
      requestId,
      mentorId: best.personId,
      menteeId: request.personId,
      sentAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + INVITATION_HOURS * 3_600_000).toISOString(),
      status: 'pending',
    };
    m.invitations[invitation.id] = invitation;
    return { kind: 'invited', invitation };
  });
  if (outcome.kind === 'invited') await app.outbox.send(outcome.invitation.mentorId, invitationReply(app, outcome.invitation));
  return outcome;
}

export function invitationReply(app: AppContext, invitation: MentorInvitation): Reply {
  const copy = app.content.copy;
  const request = app.store.mentoring().requests[invitation.requestId];
  const skills = skillLabels(app.content.mentoring.skills, request?.tags ?? []);
  const message = copy('mentor.invite', {
    name: nameOf(app, invitation.menteeId),
    goal: request?.goal ?? '',
    skills,
    hours: INVITATION_HOURS,
  });
  return reply(message, [
    heading(copy('mentor.inviteTitle')),
    text(message),
    {
      type: 'choice',
      id: `invite-${invitation.id}`,
      label: copy('mentor.inviteQuestion'),
      style: 'buttons',
      options: [
        { label: copy('mentor.accept'), value: `accept:${invitation.id}` },
        { label: copy('mentor.decline'), value: `decline:${invitation.id}` },
      ],
      action: { ...ANSWER_ACTION },
    },
  ]);
}

/** Creates a request for the asking person and tries to invite a mentor; the reply says what happened. */
export async function requestMentor(app: AppContext, person: Person, goal: string, tags: string[], now: Date): Promise<Reply> {
  const copy = app.content.copy;
  const open = Object.values(app.store.mentoring().requests).find((r) => r.personId === person.id && r.status === 'open');
  if (open) throw new UserError(copy('mentor.requestAlreadyOpen', { goal: open.goal }));
  const request: MentorRequest = {
    id: randomUUID().slice(0, 12),
    personId: person.id,
    workspace: person.workspace,
    goal,
    tags,
    status: 'open',
    createdAt: now.toISOString(),
    tried: [],
  };
  await app.store.updateMentoring((m) => {
    m.requests[request.id] = request;
  });
  const outcome = await inviteNext(app, request.id, now);
  const skills = skillLabels(app.content.mentoring.skills, tags);
  const message =
    outcome.kind === 'invited'
      ? copy('mentor.requestInvited', { skills, hours: INVITATION_HOURS })
      : copy('mentor.requestWaiting', { skills });
  return reply(message, [heading(copy('mentor.requestTitle')), text(copy('mentor.requestGoal', { goal })), text(message)], { private: true });
}

/** Tells the requester what happened after a decline or an expiry. */
async function moveOn(app: AppContext, request: MentorRequest, reasonKey: string, now: Date): Promise<Reply> {
  const outcome = await inviteNext(app, request.id, now);
  const copy = app.content.copy;
  const skills = skillLabels(app.content.mentoring.skills, request.tags);
  const next = outcome.kind === 'invited' ? copy('mentor.movedOn', { hours: INVITATION_HOURS }) : copy('mentor.nobodyElse', { skills });
  return reply(`${copy(reasonKey)} ${next}`);
}

type AcceptResult = { kind: 'accepted'; match: MentorMatch } | { kind: 'refused'; message: string };

/** A mentor's Accept or Decline. Anything stale (answered, expired, not theirs) changes nothing. */
export async function answerInvitation(app: AppContext, mentor: Person, value: string, now: Date): Promise<Reply> {
  const copy = app.content.copy;
  const [verb, id = ''] = value.split(':');
  const invitation = app.store.mentoring().invitations[id];
  if (!invitation || (verb !== 'accept' && verb !== 'decline')) throw new UserError(copy('mentor.inviteUnknown'));
  if (invitation.mentorId !== mentor.id) throw new UserError(copy('mentor.inviteNotYours'));
  if (invitation.status !== 'pending') throw new UserError(copy(`mentor.inviteAlready.${invitation.status}`));
  if (new Date(invitation.expiresAt) <= now) {
    // Overdue: pass the request on now, as the expiry job would, and tell the mentor.
    await advanceMentoring(app, now);
    throw new UserError(copy('mentor.inviteAlready.expired'));
  }
  if (verb === 'decline') {
    const request = await app.store.updateMentoring((m) => {
      const inv = m.invitations[id]!;
      inv.status = 'declined';
      inv.answeredAt = now.toISOString();
      const req = m.requests[inv.requestId];
      if (req && !req.tried.includes(mentor.id)) req.tried.push(mentor.id);
      return req;
    });
    if (request?.status === 'open') await app.outbox.send(request.personId, await moveOn(app, request, 'mentor.declinedNotice', now));
    return reply(copy('mentor.declinedThanks'), [], { private: true });
  }
  const result = await app.store.updateMentoring((m): AcceptResult => {
    const inv = m.invitations[id]!;
    const req = m.requests[inv.requestId];
    if (!req || req.status !== 'open') return { kind: 'refused', message: copy('mentor.requestGone') };
    const profile = m.profiles[mentor.id];
    if (!profile) return { kind: 'refused', message: copy('mentor.notOffering') };
    const active = Object.values(m.matches).filter((x) => x.mentorId === mentor.id && x.status === 'active').length;
    if (active >= profile.capacity) return { kind: 'refused', message: copy('mentor.full', { capacity: profile.capacity }) };
    const shared = req.tags.filter((t) => profile.skills.includes(t));
    const match: MentorMatch = {
      id: randomUUID().slice(0, 12),
      requestId: req.id,
      workspace: req.workspace,
      mentorId: mentor.id,
      menteeId: req.personId,
      goal: req.goal,
      skill: shared[0] ?? req.tags[0]!,
      startedAt: now.toISOString(),
      status: 'active',
      followUps: {},
    };
    m.matches[match.id] = match;
    inv.status = 'accepted';
    inv.answeredAt = now.toISOString();
    req.status = 'matched';
    req.matchId = match.id;
    return { kind: 'accepted', match };
  });
  if (result.kind === 'refused') throw new UserError(result.message);
  // Each side gets its own words: the mentee hears who will mentor them, the mentor whom they will mentor.
  for (const id of [result.match.menteeId, result.match.mentorId]) await app.outbox.send(id, introReply(app, result.match, id));
  return reply(copy('mentor.acceptedThanks', { name: nameOf(app, result.match.menteeId) }), [], { private: true });
}

/** Three conversation starters for a skill, chosen by the match so both see the same ones. */
export function startersFor(app: AppContext, skillId: string, seed: string, count = 3): string[] {
  const skill = app.content.mentoring.skills.find((s) => s.id === skillId) ?? app.content.mentoring.skills[0]!;
  const start = stableHash(seed) % skill.starters.length;
  return Array.from({ length: Math.min(count, skill.starters.length) }, (_, i) => skill.starters[(start + i) % skill.starters.length]!);
}

/** The introduction as `forId` (the mentee or the mentor) reads it. */
export function introReply(app: AppContext, match: MentorMatch, forId: string): Reply {
  const copy = app.content.copy;
  const starters = startersFor(app, match.skill, match.id);
  const message = copy(forId === match.mentorId ? 'mentor.introMentor' : 'mentor.intro', {
    mentee: nameOf(app, match.menteeId),
    mentor: nameOf(app, match.mentorId),
    skill: skillLabel(app.content.mentoring.skills, match.skill),
    days: FOLLOW_UP_DAYS,
  });
  const goal = copy('mentor.requestGoal', { goal: match.goal });
  const list = starters.map((s) => `- ${s}`).join('\n');
  const blocks: Block[] = [heading(copy('mentor.introTitle')), text(message), text(goal, 'quote'), text(`${copy('mentor.starters')}\n${list}`)];
  return reply(`${message}\n${goal}\n${copy('mentor.starters')}\n${list}`, blocks);
}

/** Marks one overdue invitation expired and passes its request on. Undefined when there was nothing to do. */
export async function expireInvitation(app: AppContext, invitationId: string, now: Date): Promise<{ requesterId: string; notice: Reply } | undefined> {
  const request = await app.store.updateMentoring((m) => {
    const inv = m.invitations[invitationId];
    if (!inv || inv.status !== 'pending' || new Date(inv.expiresAt) > now) return undefined;
    inv.status = 'expired';
    const req = m.requests[inv.requestId];
    if (req && !req.tried.includes(inv.mentorId)) req.tried.push(inv.mentorId);
    return req;
  });
  if (!request || request.status !== 'open') return undefined;
  return { requesterId: request.personId, notice: await moveOn(app, request, 'mentor.expiredNotice', now) };
}

/**
 * Expires every overdue invitation and moves each request on, telling the requester. Idempotent:
 * the scheduler's job and the commands may both call it.
 */
export async function advanceMentoring(app: AppContext, now: Date): Promise<number> {
  const overdue = Object.values(app.store.mentoring().invitations).filter((i) => i.status === 'pending' && new Date(i.expiresAt) <= now);
  let moved = 0;
  for (const inv of overdue) {
    const result = await expireInvitation(app, inv.id, now);
    if (!result) continue;
    moved++;
    await app.outbox.send(result.requesterId, result.notice);
  }
  return moved;
}

/**
 * After someone offers to mentor: invites a mentor for every open request waiting without one, oldest
 * first, and tells each requester. Returns how many were invited.
 */
export async function matchWaitingRequests(app: AppContext, workspace: string, now: Date): Promise<number> {
  const m = app.store.mentoring();
  const waiting = Object.values(m.requests)
    .filter((r) => r.workspace === workspace && r.status === 'open')
    .filter((r) => !Object.values(m.invitations).some((i) => i.requestId === r.id && i.status === 'pending'))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  let invited = 0;
  for (const r of waiting) {
    const outcome = await inviteNext(app, r.id, now);
    if (outcome.kind !== 'invited') continue;
    invited++;
    const skills = skillLabels(app.content.mentoring.skills, r.tags);
    await app.outbox.send(r.personId, reply(app.content.copy('mentor.foundLater', { skills, hours: INVITATION_HOURS })));
  }
  return invited;
}

/** Stops offering: no new invitations; pending ones are withdrawn and their requests passed on. */
export async function stopOffering(app: AppContext, person: Person, now: Date): Promise<{ withdrawn: number; active: number }> {
  const withdrawn = await app.store.updateMentoring((m) => {
    delete m.profiles[person.id];
    const out: MentorRequest[] = [];
    for (const inv of Object.values(m.invitations)) {
      if (inv.mentorId !== person.id || inv.status !== 'pending') continue;
      inv.status = 'withdrawn';
      inv.answeredAt = now.toISOString();
      const req = m.requests[inv.requestId];
      if (req && !req.tried.includes(person.id)) req.tried.push(person.id);
      if (req?.status === 'open') out.push(structuredClone(req));
    }
    return out;
  });
  for (const req of withdrawn) await app.outbox.send(req.personId, await moveOn(app, req, 'mentor.withdrawnNotice', now));
  const active = Object.values(app.store.mentoring().matches).filter((x) => x.mentorId === person.id && x.status === 'active').length;
  return { withdrawn: withdrawn.length, active };
}
