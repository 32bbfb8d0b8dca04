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

export async function nameOf(app: { store: Pick<Repositories, 'people'> }, personId: string): Promise<string> {
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
 * Inside `tx`: invites the best fitting mentor for an open request that has no pending invitation,
 * and queues the invitation in the same transaction. A request already waiting on one is left alone.
 */
async function inviteIn(app: AppContext, tx: Repositories, requestId: string, now: Date): Promise<InviteOutcome> {
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
  await queue(tx, `mentor-invitation:${invitation.id}`, invitation.mentorId, await invitationReply(app, invitation, tx), now);
  return { kind: 'invited', invitation };
}

/** Queues a message Attune starts in the transaction that decided it; `key` names that decision. */
async function queue(tx: Repositories, key: string, personId: string, message: Reply, now: Date): Promise<void> {
  await tx.outbox.enqueue({ key, recipients: [personId], reply: message }, now);
}

/** Runs `work` as one transaction, then has what it queued sent. */
async function deciding<R>(app: AppContext, work: (tx: Repositories) => Promise<R>): Promise<R> {
  const result = await app.store.transaction(work);
  await app.outbox.flush?.();
  return result;
}

/**
 * Invites the best fitting mentor for an open request that has no pending invitation: the invitation
 * and its message are written together. Safe to call twice: a request already waiting is left alone.
 */
export async function inviteNext(app: AppContext, requestId: string, now: Date): Promise<InviteOutcome> {
  // Ranking reads every mentor's load: one transaction, so two requests can't both take a mentor's last place.
  return deciding(app, (tx) => inviteIn(app, tx, requestId, now));
}

export async function invitationReply(app: AppContext, invitation: MentorInvitation, repos: Pick<Repositories, 'mentoring' | 'people'> = app.store): Promise<Reply> {
  const copy = app.content.copy;
  const request = await repos.mentoring.requests.get(invitation.requestId);
  const skills = skillLabels(app.content.mentoring.skills, request?.tags ?? []);
  const message = copy('mentor.invite', {
    name: await nameOf({ store: repos }, invitation.menteeId),
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
  // Checked again with the write: two requests sent at once leave one open request. The request, its
  // first invitation and the invitation's message are written together.
  const outcome = await deciding(app, async (tx) => {
    await alreadyOpen(tx);
    await tx.mentoring.requests.create(request);
    return inviteIn(app, tx, request.id, now);
  });
  const skills = skillLabels(app.content.mentoring.skills, tags);
  const message =
    outcome.kind === 'invited'
      ? copy('mentor.requestInvited', { skills, hours: INVITATION_HOURS })
      : copy('mentor.requestWaiting', { skills });
  return reply(message, [heading(copy('mentor.requestTitle')), text(copy('mentor.requestGoal', { goal })), text(message)], { private: true });
}

/**
 * Inside `tx`, after a decline, an expiry or a withdrawal: invites the next mentor and returns what to
 * tell the requester (the caller queues it, or the scheduler's ledger sends it).
 */
async function moveOnIn(app: AppContext, tx: Repositories, request: MentorRequest, reasonKey: string, now: Date): Promise<Reply> {
  const outcome = await inviteIn(app, tx, request.id, now);
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
    // The decline, the next invitation and the requester's notice are one decision, written together.
    await deciding(app, async (tx) => {
      const inv = await tx.mentoring.invitations.update(id, (i) => (i.status === 'pending' ? { ...i, status: 'declined', answeredAt: now.toISOString() } : i));
      if (inv?.status !== 'declined' || inv.answeredAt !== now.toISOString()) return;
      const request = await tx.mentoring.requests.update(invitation.requestId, (r) => (r.tried.includes(mentor.id) ? r : { ...r, tried: [...r.tried, mentor.id] }));
      if (request?.status === 'open') await queue(tx, `mentor-declined:${id}`, request.personId, await moveOnIn(app, tx, request, 'mentor.declinedNotice', now), now);
    });
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
    // Each side gets its own words: the mentee hears who will mentor them, the mentor whom they will mentor.
    for (const side of [match.menteeId, match.mentorId]) await queue(tx, `mentor-intro:${match.id}:${side}`, side, await introReply(app, match, side, tx), now);
    return { kind: 'accepted', match };
  });
  await app.outbox.flush?.();
  if (result.kind === 'refused') throw new UserError(result.message);
  return reply(copy('mentor.acceptedThanks', { name: await nameOf(app, result.match.menteeId) }), [], { private: true });
}

/** Three conversation starters for a skill, chosen by the match so both see the same ones. */
export function startersFor(app: AppContext, skillId: string, seed: string, count = 3): string[] {
  const skill = app.content.mentoring.skills.find((s) => s.id === skillId) ?? app.content.mentoring.skills[0]!;
  const start = stableHash(seed) % skill.starters.length;
  return Array.from({ length: Math.min(count, skill.starters.length) }, (_, i) => skill.starters[(start + i) % skill.starters.length]!);
}

/** The introduction as `forId` (the mentee or the mentor) reads it. */
export async function introReply(app: AppContext, match: MentorMatch, forId: string, repos: Pick<Repositories, 'people'> = app.store): Promise<Reply> {
  const copy = app.content.copy;
  const starters = startersFor(app, match.skill, match.id);
  const message = copy(forId === match.mentorId ? 'mentor.introMentor' : 'mentor.intro', {
    mentee: await nameOf({ store: repos }, match.menteeId),
    mentor: await nameOf({ store: repos }, match.mentorId),
    skill: skillLabel(app.content.mentoring.skills, match.skill),
    days: FOLLOW_UP_DAYS,
  });
  const goal = copy('mentor.requestGoal', { goal: match.goal });
  const list = starters.map((s) => `- ${s}`).join('\n');
  const blocks: Block[] = [heading(copy('mentor.introTitle')), text(message), text(goal, 'quote'), text(`${copy('mentor.starters')}\n${list}`)];
  return reply(`${message}\n${goal}\n${copy('mentor.starters')}\n${list}`, blocks);
}

/**
 * Marks one overdue invitation expired and invites the next mentor, in one transaction. The
 * requester's notice is returned for the scheduler's ledger to send; with `queueNotice` it is queued in
 * the same transaction instead. Undefined when there was nothing to do.
 */
export async function expireInvitation(
  app: AppContext,
  invitationId: string,
  now: Date,
  options: { queueNotice?: boolean } = {},
): Promise<{ requesterId: string; notice: Reply } | undefined> {
  return deciding(app, async (tx) => {
    const inv = await tx.mentoring.invitations.get(invitationId);
    if (!inv || inv.status !== 'pending' || new Date(inv.expiresAt) > now) return undefined;
    await tx.mentoring.invitations.update(invitationId, (i) => ({ ...i, status: 'expired' }));
    const request = await tx.mentoring.requests.update(inv.requestId, (r) => (r.tried.includes(inv.mentorId) ? r : { ...r, tried: [...r.tried, inv.mentorId] }));
    if (!request || request.status !== 'open') return undefined;
    const notice = await moveOnIn(app, tx, request, 'mentor.expiredNotice', now);
    if (options.queueNotice) await queue(tx, `mentor-expired:${invitationId}`, request.personId, notice, now);
    return { requesterId: request.personId, notice };
  });
}

/**
 * Expires every overdue invitation and moves each request on, telling the requester. Idempotent:
 * the scheduler's job and the commands may both call it.
 */
export async function advanceMentoring(app: AppContext, now: Date): Promise<number> {
  const overdue = (await app.store.mentoring.invitations.list({ status: 'pending' })).filter((i) => new Date(i.expiresAt) <= now);
  let moved = 0;
  for (const inv of overdue) if (await expireInvitation(app, inv.id, now, { queueNotice: true })) moved++;
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
    // The invitation and the requester's "found one" are written together.
    const outcome = await deciding(app, async (tx) => {
      const result = await inviteIn(app, tx, r.id, now);
      if (result.kind !== 'invited') return result;
      const skills = skillLabels(app.content.mentoring.skills, r.tags);
      await queue(tx, `mentor-found:${result.invitation.id}`, r.personId, reply(app.content.copy('mentor.foundLater', { skills, hours: INVITATION_HOURS })), now);
      return result;
    });
    if (outcome.kind === 'invited') invited++;
  }
  return invited;
}

/** Stops offering: no new invitations; pending ones are withdrawn and their requests passed on. */
export async function stopOffering(app: AppContext, person: Person, now: Date): Promise<{ withdrawn: number; active: number }> {
  // Withdrawals, the next invitations and the requesters' notices are written together.
  const withdrawn = await deciding(app, async (tx) => {
    await tx.mentoring.profiles.remove(person.id);
    const out: MentorRequest[] = [];
    for (const inv of await tx.mentoring.invitations.list({ mentorId: person.id, status: 'pending' })) {
      await tx.mentoring.invitations.update(inv.id, (i) => ({ ...i, status: 'withdrawn', answeredAt: now.toISOString() }));
      const req = await tx.mentoring.requests.update(inv.requestId, (r) => (r.tried.includes(person.id) ? r : { ...r, tried: [...r.tried, person.id] }));
      if (req?.status !== 'open') continue;
      out.push(req);
      await queue(tx, `mentor-withdrawn:${inv.id}`, req.personId, await moveOnIn(app, tx, req, 'mentor.withdrawnNotice', now), now);
    }
    return out;
  });
  const active = (await app.store.mentoring.matches.list({ mentorId: person.id, status: 'active' })).length;
  return { withdrawn: withdrawn.length, active };
}
