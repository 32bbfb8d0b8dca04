import type { Store } from '../core/store/index.js';
import { emptyNudgeState } from '../core/model/nudges.js';
import { addDays, type LocalDate } from '../core/time.js';

/** How many records of each kind a store holds: what a copy must carry over, compared on both sides. */
export type Census = Record<string, number>;

/** Ledger dates a copy looks at: the retention window both engines keep, and tomorrow (a zone ahead of UTC). */
const LEDGER_WINDOW_DAYS = 40;

export class TargetNotEmptyError extends Error {
  constructor(readonly found: Census) {
    const what = Object.entries(found)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
    super(`The target store is not empty (it holds ${what}). Copy only into an empty store: nothing was written.`);
    this.name = 'TargetNotEmptyError';
  }
}

export class CopyMismatchError extends Error {
  constructor(readonly source: Census, readonly target: Census) {
    const diffs = Object.keys(source)
      .filter((k) => source[k] !== target[k])
      .map((k) => `${k}: ${source[k]} in the source, ${target[k] ?? 0} in the target`);
    super(`The copy does not match its source (${diffs.join('; ')}). Empty the target and run the copy again.`);
    this.name = 'CopyMismatchError';
  }
}

const monthRange = (month: string) => ({ from: `${month}-01`, to: `${month}-31` });

async function workspaces(store: Store): Promise<string[]> {
  const people = await store.people.list();
  const teams = await store.teams.list();
  return [...new Set([...people.map((p) => p.workspace), ...teams.map((t) => t.workspace)])].sort();
}

function ledgerDates(today: LocalDate): LocalDate[] {
  return Array.from({ length: LEDGER_WINDOW_DAYS + 2 }, (_, i) => addDays(today, i - LEDGER_WINDOW_DAYS));
}

/** Counts every kind of record through the port, so any two engines can be compared. `now` decides which event keys are live. */
export async function census(store: Store, today: LocalDate, now: Date = new Date(`${today}T12:00:00Z`)): Promise<Census> {
  const people = await store.people.list();
  const teams = await store.teams.list();
  const pools = await store.pairing.pools();
  const c: Census = {
    people: people.length,
    teams: teams.length,
    reflections: 0,
    'check-ins': 0,
    'served prompts': 0,
    'nudge states': 0,
    'support resources': 0,
    'digest weeks': 0,
    'published digest queries': 0,
    'ledger entries': 0,
    'mentor profiles': (await store.mentoring.profiles.list()).length,
    'mentor requests': (await store.mentoring.requests.list()).length,
    'mentor invitations': (await store.mentoring.invitations.list()).length,
    'mentor matches': (await store.mentoring.matches.list()).length,
    'pairing pools': pools.length,
    'pairing rounds': 0,
    'practice records': (await store.practice.people.list()).length,
    'peer practice sessions': (await store.practice.peers.list()).length,
    thanks: (await store.practice.thanks.list()).length,
    'event keys': (await store.events.live(now)).length,
    'unsent messages': (await store.outbox.unsent()).length,
  };
  const empty = JSON.stringify(emptyNudgeState());
  for (const p of people) {
    for (const month of await store.history.months(p.id)) {
      c.reflections! += (await store.history.reflections(p.id, monthRange(month))).length;
      c['check-ins']! += (await store.history.checkIns(p.id, monthRange(month))).length;
      c['served prompts']! += (await store.history.served(p.id, monthRange(month))).length;
    }
    if (JSON.stringify(await store.nudges.get(p.id)) !== empty) c['nudge states']!++;
  }
  for (const w of await workspaces(store)) if (await store.nudges.supportResources(w)) c['support resources']!++;
  for (const t of teams) c['digest weeks']! += Object.keys(await store.digest.weeks(t.id)).length;
  for (const { workspace, week } of await store.digest.ledgerWeeks()) c['published digest queries']! += (await store.digest.ledger(workspace, week)).length;
  for (const d of ledgerDates(today)) c['ledger entries']! += (await store.ledger.on(d)).length;
  for (const pool of pools) c['pairing rounds']! += (await store.pairing.rounds(pool.id)).length;
  return c;
}

/**
 * Copies everything from one store into an empty one through the port (so any engine to any engine),
 * then compares the two censuses. Run with Attune stopped: event keys live for a day, unsent messages
 * are sent by whichever store runs next, and neither may change during the copy. `now` is the time of
 * the copy (which event keys are still live).
 */
export async function copyStore(from: Store, to: Store, today: LocalDate, now: Date = new Date(`${today}T12:00:00Z`)): Promise<Census> {
  const before = await census(to, today, now);
  if (Object.values(before).some((n) => n > 0)) throw new TargetNotEmptyError(before);

  const people = await from.people.list();
  for (const p of people) await to.people.create(p);
  const teams = await from.teams.list();
  for (const t of teams) await to.teams.create(t);
  // The ledger as it is, removed teams' published weeks included; then the teams' frozen weeks, publishing nothing more.
  for (const { workspace, week } of await from.digest.ledgerWeeks()) await to.digest.restoreLedger(workspace, week, await from.digest.ledger(workspace, week));
  for (const t of teams) await to.digest.freeze(Object.values(await from.digest.weeks(t.id)).map((week) => ({ teamId: t.id, week })));
  const empty = JSON.stringify(emptyNudgeState());
  for (const p of people) {
    for (const month of await from.history.months(p.id)) {
      for (const r of await from.history.reflections(p.id, monthRange(month))) await to.history.addReflection(r);
      for (const c of await from.history.checkIns(p.id, monthRange(month))) await to.history.addCheckIn(c);
      for (const s of await from.history.served(p.id, monthRange(month))) await to.history.recordServed(p.id, s);
    }
    const nudges = await from.nudges.get(p.id);
    if (JSON.stringify(nudges) !== empty) await to.nudges.update(p.id, () => nudges);
    // Pending answers (a reflection awaiting "replace?"): only the export lists them.
    const exported = await from.privacy.exportPerson(p.id);
    const pending = (exported?.pending ?? {}) as Record<string, { expiresAt: string; data: unknown }>;
    for (const [purpose, draft] of Object.entries(pending)) await to.drafts.set(p.id, purpose, draft.data, new Date(draft.expiresAt));
  }
  for (const w of await workspaces(from)) {
    const resources = await from.nudges.supportResources(w);
    if (resources) await to.nudges.setSupportResources(w, resources);
  }
  for (const d of ledgerDates(today)) for (const entry of await from.ledger.on(d)) await to.ledger.claim(entry);
  for (const x of await from.mentoring.profiles.list()) await to.mentoring.profiles.create(x);
  for (const x of await from.mentoring.requests.list()) await to.mentoring.requests.create(x);
  for (const x of await from.mentoring.invitations.list()) await to.mentoring.invitations.create(x);
  for (const x of await from.mentoring.matches.list()) await to.mentoring.matches.create(x);
  for (const pool of await from.pairing.pools()) {
    await to.pairing.createPool(pool);
    for (const round of await from.pairing.rounds(pool.id)) await to.pairing.createRound(round);
  }
  for (const x of await from.practice.people.list()) await to.practice.people.create(x);
  for (const x of await from.practice.peers.list()) await to.practice.peers.create(x);
  for (const x of await from.practice.thanks.list()) await to.practice.thanks.create(x);
  // A platform retrying an event after the move must still find it handled.
  for (const { key, claimedAt } of await from.events.live(now)) await to.events.claim(key, claimedAt);
  for (const { queuedAt, ...entry } of await from.outbox.unsent()) await to.outbox.enqueue(entry, queuedAt);

  const source = await census(from, today, now);
  const target = await census(to, today, now);
  if (Object.keys(source).some((k) => source[k] !== target[k])) throw new CopyMismatchError(source, target);
  return source;
}
