import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../core/app-context.js';
import { UserError } from '../../core/errors.js';
import type { MentoringState, MentorInvitation, MentorMatch, MentorRequest } from '../../core/model/mentoring.js';
import type { Person } from '../../core/model/person.js';
import { currentMembers } from '../../core/model/team.js';
import { heading, reply, text, type Block, type Reply } from '../../core/reply.js';
import { stableHash } from '../../core/hash.js';
import type { Repositories } from '../../core/store/index.js';
import { rankMentors, type MentorCandidate, type RankedMentor } from './matching.js';
import { loadMentoring } from './mentoring-state.js';
import { skillLabel, skillLabels } from './skills.js';
import { WorkingWeek, type Availability } from './working-hours.js';

export const INVITATION_HOURS = 48;
export const FOLLOW_UP_DAYS = 7;
export const RECENT_PAIRING_DAYS = 90;
const DAY = 86_400_000;

/** The action a mentor's Accept / Decline buttons submit: value `accept:<invitation id>` or `decline:<id>`. */
export const ANSWER_ACTION = { command: 'mentor request', action: 'answer' } as const;

export async function nameOf(app: Pick<AppContext, 'store'>, personId: string): Promise<string> {
  return (await app.store.people.get(personId))?.name ?? 'someone who has left';
}

export function availabilityOf(app: AppContext, person: Person | undefined): Availability {
  return { tz: person?.tz ?? app.config.defaultTimeZone, workingDays: person?.workingDays ?? ['mon', 'tue', 'wed', 'thu', 'fri'] };
}

async function teamsOf(repos: Pick<Repositories, 'teams'>, workspace: string): Promise<Map<string, Set<string>>> {
  const byPerson = new Map<string, Set<string>>();
  for (const team of await repos.teams.list(workspace)) {
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
export async function rankFor(app: AppContext, repos: Pick<Repositories, 'teams' | 'people'>, m: MentoringState, request: MentorRequest, now: Date): Promise<RankedMentor[]> {
  const teams = await teamsOf(repos, request.workspace);
  const people = new Map((await repos.people.list(request.workspace)).map((p) => [p.id, p] as const));
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
      availability: availabilityOf(app, people.get(p.personId)),
    }));
  const query = {
    menteeId: request.personId,
    tags: request.tags,
    teams: teams.get(request.personId) ?? new Set<string>(),
    availability: availabilityOf(app, people.get(request.personId)),
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
  // Ranking reads every mentor's load: one transaction, so two requests can't both take a mentor's last place.
  const outcome = await app.store.transaction(async (tx): Promise<InviteOutcome> => {
    const request = await tx.mentoring.requests.get(requestId);
    if (!request || request.status !== 'open') return { kind: 'busy' };
    if ((await tx.mentoring.invitations.list({ requestId, status: 'pending' })).length > 0) return { kind: 'busy' };
    const m = await loadMentoring(tx, request.workspace);
    const [best] = await rankFor(app, tx, m, request, now);
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
    await tx.mentoring.invitations.create(invitation);
    return { kind: 'invited', invitation };
  });
  if (outcome.kind === 'invited') await app.outbox.send(outcome.invitation.mentorId, await invitationReply(app, outcome.invitation));
  return outcome;
}

export async function invitationReply(app: AppContext, invitation: MentorInvitation): Promise<Reply> {
  const copy = app.content.copy;
  const request = await app.store.mentoring.requests.get(invitation.requestId);
  const skills = skillLabels(app.content.mentoring.skills, request?.tags ?? []);
  const message = copy('mentor.invite', {
    name: await nameOf(app, invitation.menteeId),
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
  const alreadyOpen = async (repos: Pick<Repositories, 'mentoring'>) => {
    const [open] = await repos.mentoring.requests.list({ personId: person.id, status: 'open' });
    if (open) throw new UserError(copy('mentor.requestAlreadyOpen', { goal: open.goal }));
  };
  await alreadyOpen(app.store);
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
  // Checked again with the write: two requests sent at once leave one open request.
  await app.store.transaction(async (tx) => {
    await alreadyOpen(tx);
    await tx.mentoring.requests.create(request);
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
  const invitation = await app.store.mentoring.invitations.get(id);
  if (!invitation || (verb !== 'accept' && verb !== 'decline')) throw new UserError(copy('mentor.inviteUnknown'));
  if (invitation.mentorId !== mentor.id) throw new UserError(copy('mentor.inviteNotYours'));
  if (invitation.status !== 'pending') throw new UserError(copy(`mentor.inviteAlready.${invitation.status}`));
  if (new Date(invitation.expiresAt) <= now) {
    // Overdue: pass the request on now, as the expiry job would, and tell the mentor.
    await advanceMentoring(app, now);
    throw new UserError(copy('mentor.inviteAlready.expired'));
  }
  if (verb === 'decline') {
    const request = await app.store.transaction(async (tx) => {
      const inv = await tx.mentoring.invitations.update(id, (i) => (i.status === 'pending' ? { ...i, status: 'declined', answeredAt: now.toISOString() } : i));
      if (inv?.status !== 'declined') return undefined;
      return tx.mentoring.requests.update(invitation.requestId, (r) => (r.tried.includes(mentor.id) ? r : { ...r, tried: [...r.tried, mentor.id] }));
    });
    if (request?.status === 'open') await app.outbox.send(request.personId, await moveOn(app, request, 'mentor.declinedNotice', now));
    return reply(copy('mentor.declinedThanks'), [], { private: true });
  }
  // Invitation, request and match change together, and the capacity check sees every other accept.
  const result = await app.store.transaction(async (tx): Promise<AcceptResult> => {
    const inv = await tx.mentoring.invitations.get(id);
    if (!inv || inv.status !== 'pending') throw new UserError(copy(`mentor.inviteAlready.${inv?.status ?? 'expired'}`));
    const req = await tx.mentoring.requests.get(inv.requestId);
    if (!req || req.status !== 'open') return { kind: 'refused', message: copy('mentor.requestGone') };
    const profile = await tx.mentoring.profiles.get(mentor.id);
    if (!profile) return { kind: 'refused', message: copy('mentor.notOffering') };
    const active = (await tx.mentoring.matches.list({ mentorId: mentor.id, status: 'active' })).length;
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
    await tx.mentoring.matches.create(match);
    await tx.mentoring.invitations.update(id, (i) => ({ ...i, status: 'accepted', answeredAt: now.toISOString() }));
    await tx.mentoring.requests.update(req.id, (r) => ({ ...r, status: 'matched', matchId: match.id }));
    return { kind: 'accepted', match };
  });
  if (result.kind === 'refused') throw new UserError(result.message);
  await app.outbox.sendGroup([result.match.menteeId, result.match.mentorId], await introReply(app, result.match));
  return reply(copy('mentor.acceptedThanks', { name: await nameOf(app, result.match.menteeId) }), [], { private: true });
}

/** Three conversation starters for a skill, chosen by the match so both see the same ones. */
export function startersFor(app: AppContext, skillId: string, seed: string, count = 3): string[] {
  const skill = app.content.mentoring.skills.find((s) => s.id === skillId) ?? app.content.mentoring.skills[0]!;
  const start = stableHash(seed) % skill.starters.length;
  return Array.from({ length: Math.min(count, skill.starters.length) }, (_, i) => skill.starters[(start + i) % skill.starters.length]!);
}

export async function introReply(app: AppContext, match: MentorMatch): Promise<Reply> {
  const copy = app.content.copy;
  const starters = startersFor(app, match.skill, match.id);
  const message = copy('mentor.intro', {
    mentee: await nameOf(app, match.menteeId),
    mentor: await nameOf(app, match.mentorId),
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
  const request = await app.store.transaction(async (tx) => {
    const inv = await tx.mentoring.invitations.get(invitationId);
    if (!inv || inv.status !== 'pending' || new Date(inv.expiresAt) > now) return undefined;
    await tx.mentoring.invitations.update(invitationId, (i) => ({ ...i, status: 'expired' }));
    return tx.mentoring.requests.update(inv.requestId, (r) => (r.tried.includes(inv.mentorId) ? r : { ...r, tried: [...r.tried, inv.mentorId] }));
  });
  if (!request || request.status !== 'open') return undefined;
  return { requesterId: request.personId, notice: await moveOn(app, request, 'mentor.expiredNotice', now) };
}

/**
 * Expires every overdue invitation and moves each request on, telling the requester. Idempotent:
 * the scheduler's job and the commands may both call it.
 */
export async function advanceMentoring(app: AppContext, now: Date): Promise<number> {
  const overdue = (await app.store.mentoring.invitations.list({ status: 'pending' })).filter((i) => new Date(i.expiresAt) <= now);
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
  const m = await loadMentoring(app.store, workspace);
  const waiting = Object.values(m.requests)
    .filter((r) => r.status === 'open')
    .filter((r) => !Object.values(m.invitations).some((i) => i.requestId === r.id))
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
  const withdrawn = await app.store.transaction(async (tx) => {
    await tx.mentoring.profiles.remove(person.id);
    const out: MentorRequest[] = [];
    for (const inv of await tx.mentoring.invitations.list({ mentorId: person.id, status: 'pending' })) {
      await tx.mentoring.invitations.update(inv.id, (i) => ({ ...i, status: 'withdrawn', answeredAt: now.toISOString() }));
      const req = await tx.mentoring.requests.update(inv.requestId, (r) => (r.tried.includes(person.id) ? r : { ...r, tried: [...r.tried, person.id] }));
      if (req?.status === 'open') out.push(req);
    }
    return out;
  });
  for (const req of withdrawn) await app.outbox.send(req.personId, await moveOn(app, req, 'mentor.withdrawnNotice', now));
  const active = (await app.store.mentoring.matches.list({ mentorId: person.id, status: 'active' })).length;
  return { withdrawn: withdrawn.length, active };
}
