import type { AppContext } from '../../core/app-context.js';
import { stableHash } from '../../core/hash.js';
import type { FollowUpAnswer, PairPool, PairRound } from '../../core/model/mentoring.js';
import { isCurrentMember, type Team } from '../../core/model/team.js';
import { reply, text, type Reply } from '../../core/reply.js';
import { addDays, daysBetween, localDate, weekdayOf, type LocalDate } from '../../core/time.js';
import { DateTime } from 'luxon';
import { FOLLOW_UP_DAYS, nameOf } from './mentor-flow.js';
import { lastMetFrom, planGroups } from './pairing.js';

export const DEFAULT_CADENCE_WEEKS = 2;
/** Rounds start at this local time (the workspace's default zone) on their date. */
export const ROUND_HOUR = 10;

/** The action pair follow-up buttons submit: value `<pool id>|<slot>|<yes|not-yet>`. */
export const PAIR_MET_ACTION = { command: 'pairs status', action: 'met' } as const;

export async function poolName(app: AppContext, pool: Pick<PairPool, 'teamId'>): Promise<string> {
  if (!pool.teamId) return app.content.copy('pairs.workspacePool');
  return (await app.store.teams.get(pool.teamId))?.name ?? pool.teamId;
}

/** The Monday after a date: a new pool's first round, leaving a few days for others to join. */
export function nextMonday(today: LocalDate): LocalDate {
  let d = addDays(today, 1);
  while (weekdayOf(d) !== 'mon') d = addDays(d, 1);
  return d;
}

export function newPool(id: string, workspace: string, teamId: string | undefined, today: LocalDate): PairPool {
  return { id, workspace, ...(teamId ? { teamId } : {}), cadenceWeeks: DEFAULT_CADENCE_WEEKS, anchor: nextMonday(today), members: {}, rounds: [] };
}

export function slotInstant(app: AppContext, slot: LocalDate): Date {
  return DateTime.fromISO(slot, { zone: app.config.defaultTimeZone }).set({ hour: ROUND_HOUR }).toJSDate();
}

/** The date of the pool's next round: the cadence after its last round, or its anchor. */
export function nextSlot(pool: PairPool): LocalDate {
  const last = pool.rounds[pool.rounds.length - 1];
  return last ? addDays(last.slot, pool.cadenceWeeks * 7) : pool.anchor;
}

/**
 * The round due now, if any: the latest date on the cadence from the next slot that has started.
 * After a long downtime this skips the missed dates instead of running them all.
 */
export function dueSlot(app: AppContext, pool: PairPool, now: Date): LocalDate | undefined {
  const next = nextSlot(pool);
  if (slotInstant(app, next) > now) return undefined;
  const period = pool.cadenceWeeks * 7;
  let k = Math.floor(daysBetween(next, localDate(now, app.config.defaultTimeZone)) / period);
  let slot = addDays(next, k * period);
  while (k > 0 && slotInstant(app, slot) > now) slot = addDays(next, --k * period);
  return slot;
}

/** Who a round on this date groups: members not paused (by the pool or in their settings), still in the team. */
export async function eligibleMembers(app: AppContext, pool: PairPool, slot: LocalDate): Promise<string[]> {
  const team = pool.teamId ? await app.store.teams.get(pool.teamId) : undefined;
  const people = new Map((await app.store.people.list(pool.workspace)).map((p) => [p.id, p] as const));
  return Object.entries(pool.members)
    .filter(([id, member]) => {
      const person = people.get(id);
      if (!person) return false;
      if (member.pausedUntil && member.pausedUntil >= slot) return false;
      if (person.pausedUntil && person.pausedUntil >= slot) return false;
      if (pool.teamId && (!team || !isCurrentMember(team, id))) return false;
      return true;
    })
    .map(([id]) => id)
    .sort();
}

/**
 * Makes the pool's round for this date unless it exists (then returns it): safe to run twice. Fewer
 * than two eligible people make no round.
 */
export async function ensureRound(app: AppContext, poolId: string, slot: LocalDate, now: Date): Promise<PairRound | undefined> {
  const existing = await app.store.pairing.round(poolId, slot);
  if (existing) return existing;
  const pool = await app.store.pairing.pool(poolId);
  if (!pool) return undefined;
  const people = await eligibleMembers(app, pool, slot);
  if (people.length < 2) return undefined;
  const history = await app.store.pairing.rounds(poolId);
  const id = `${poolId}@${slot}`;
  const groups = planGroups(people, lastMetFrom(history), id, history.length);
  // One round per (pool, slot): of two ticks (or replicas) making it at once, the first one stands.
  const { record } = await app.store.pairing.createRound({ version: 1, id, poolId, slot, createdAt: now.toISOString(), groups, met: {} });
  return record;
}

/** Makes every round that is due now. Idempotent; returns the rounds made by this call. */
export async function runDueRounds(app: AppContext, now: Date): Promise<PairRound[]> {
  const made: PairRound[] = [];
  for (const pool of await app.store.pairing.pools()) {
    const slot = dueSlot(app, pool, now);
    if (!slot || (await app.store.pairing.round(pool.id, slot))) continue;
    const round = await ensureRound(app, pool.id, slot, now);
    if (round) made.push(round);
  }
  return made;
}

/** The group this person is in, with its position (which picks the group's conversation starter). */
export function groupOf(round: PairRound, personId: string): { index: number; members: string[] } | undefined {
  const index = round.groups.findIndex((g) => g.includes(personId));
  return index < 0 ? undefined : { index, members: round.groups[index]! };
}

export function pairStarter(app: AppContext, round: PairRound, groupIndex: number): string {
  const starters = app.content.mentoring.pairStarters;
  return starters[stableHash(`${round.id}:${groupIndex}`) % starters.length]!;
}

/** The intro one person gets for a round: who they meet, and a question to start with. */
export async function roundIntro(app: AppContext, round: PairRound, personId: string): Promise<Reply | undefined> {
  const group = groupOf(round, personId);
  if (!group) return undefined;
  const pool = await app.store.pairing.pool(round.poolId);
  const others = await Promise.all(group.members.filter((id) => id !== personId).map((id) => nameOf(app, id)));
  const copy = app.content.copy;
  const message = copy(others.length > 1 ? 'pairs.introTrio' : 'pairs.intro', {
    pool: pool ? await poolName(app, pool) : round.poolId,
    names: others.join(' and '),
    days: FOLLOW_UP_DAYS,
  });
  const starter = pairStarter(app, round, group.index);
  return reply(`${message}\n${copy('pairs.starter')} ${starter}`, [
    { type: 'text', text: copy('pairs.introTitle'), style: 'heading' },
    text(message),
    text(`${copy('pairs.starter')} ${starter}`, 'quote'),
  ]);
}

export async function pairFollowUpReply(app: AppContext, round: PairRound, personId: string): Promise<Reply | undefined> {
  const group = groupOf(round, personId);
  if (!group || round.met[personId]) return undefined;
  const copy = app.content.copy;
  const names = (await Promise.all(group.members.filter((id) => id !== personId).map((id) => nameOf(app, id)))).join(' and ');
  const question = copy('pairs.followUp', { names });
  const value = (answer: FollowUpAnswer) => [round.poolId, round.slot, answer].join('|');
  return reply(question, [
    text(question),
    {
      type: 'choice',
      id: `pair-met-${stableHash(round.id)}`,
      label: copy('mentor.followUpLabel'),
      style: 'buttons',
      options: [
        { label: copy('mentor.metYes'), value: value('yes') },
        { label: copy('mentor.metNotYet'), value: value('not-yet') },
      ],
      action: { ...PAIR_MET_ACTION },
    },
  ]);
}

/** Records whether a pair met. The answer is the person's own; it is stored in the round's group. */
export async function recordPairMet(app: AppContext, personId: string, value: string, now: Date): Promise<'recorded' | 'unknown'> {
  const [poolId = '', slot = '', answer = ''] = value.split('|');
  if (answer !== 'yes' && answer !== 'not-yet') return 'unknown';
  // One update-by-function on the round: two people of a pair answering at once are both kept.
  const met = { answer, at: now.toISOString() } as const;
  let grouped = false;
  const round = await app.store.pairing.updateRound(poolId, slot, (r) => {
    grouped = Boolean(groupOf(r, personId));
    return grouped ? { ...r, met: { ...r.met, [personId]: met } } : r;
  });
  return round && grouped ? 'recorded' : 'unknown';
}

/** The latest round of each pool this person was grouped in, whose follow-up is due and unanswered. */
export async function pendingPairFollowUps(app: AppContext, personId: string, now: Date): Promise<PairRound[]> {
  const out: PairRound[] = [];
  for (const pool of await app.store.pairing.pools()) {
    const last = pool.rounds[pool.rounds.length - 1];
    if (!last || slotInstant(app, last.slot).getTime() + FOLLOW_UP_DAYS * 86_400_000 > now.getTime()) continue;
    const round = await app.store.pairing.round(pool.id, last.slot);
    if (round && groupOf(round, personId) && !round.met[personId]) out.push(round);
  }
  return out;
}

/** How many groups met in a period, for a digest: only counts, never who. */
export interface PairsMetSummary {
  rounds: number;
  groups: number;
  /** Groups where at least one person said they met. */
  met: number;
  /** Distinct people grouped in the period. */
  people: number;
}

/** Counts, over the pool's rounds dated within [from, to], the groups that met. */
export async function pairsMetSummary(app: AppContext, poolId: string, range: { from: LocalDate; to: LocalDate }): Promise<PairsMetSummary> {
  const rounds = (await app.store.pairing.rounds(poolId)).filter((r) => r.slot >= range.from && r.slot <= range.to);
  const groups = rounds.flatMap((r) => r.groups.map((members) => ({ members, met: r.met })));
  return {
    rounds: rounds.length,
    groups: groups.length,
    met: groups.filter((g) => g.members.some((id) => g.met[id]?.answer === 'yes')).length,
    people: new Set(groups.flatMap((g) => g.members)).size,
  };
}

/**
 * For a team's digest: how many of the team's pairing groups met in the period, or undefined when
 * fewer people than the team's anonymity threshold were grouped (a small count could single someone out).
 */
export async function teamPairsMet(app: AppContext, team: Team, range: { from: LocalDate; to: LocalDate }): Promise<PairsMetSummary | undefined> {
  const summary = await pairsMetSummary(app, team.id, range);
  const threshold = Math.max(3, team.threshold ?? app.config.minRespondents);
  return summary.people >= threshold ? summary : undefined;
}
