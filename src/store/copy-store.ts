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

/** Weeks the digest ledger is read for: those current teams froze (the port lists no ledger weeks, so a removed team's published weeks are not copied). */
async function digestLedgerWeeks(store: Store, workspace: string): Promise<LocalDate[]> {
  const weeks = new Set<LocalDate>();
  for (const t of await store.teams.list(workspace)) for (const w of Object.keys(await store.digest.weeks(t.id))) weeks.add(w);
  return [...weeks].sort();
}

function ledgerDates(today: LocalDate): LocalDate[] {
  return Array.from({ length: LEDGER_WINDOW_DAYS + 2 }, (_, i) => addDays(today, i - LEDGER_WINDOW_DAYS));
}

/** Counts every kind of record through the port, so any two engines can be compared. */
export async function census(store: Store, today: LocalDate): Promise<Census> {
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
  for (const w of await workspaces(store)) for (const week of await digestLedgerWeeks(store, w)) c['published digest queries']! += (await store.digest.ledger(w, week)).length;
  for (const d of ledgerDates(today)) c['ledger entries']! += (await store.ledger.on(d)).length;
  for (const pool of pools) c['pairing rounds']! += (await store.pairing.rounds(pool.id)).length;
  return c;
}

/**
 * Copies everything from one store into an empty one through the port (so any engine to any engine),
 * then compares the two censuses. Event keys are not copied: they live a day and guard against a
 * platform retrying within minutes, and the copy is made with Attune stopped.
 */
export async function copyStore(from: Store, to: Store, today: LocalDate): Promise<Census> {
  const before = await census(to, today);
  if (Object.values(before).some((n) => n > 0)) throw new TargetNotEmptyError(before);

  const people = await from.people.list();
  for (const p of people) await to.people.create(p);
  const teams = await from.teams.list();
  for (const t of teams) await to.teams.create(t);
  // Each week's published queries go with the freeze of its first team: the target records them once, as the source did.
  const ledgers = new Map<string, Map<string, Awaited<ReturnType<Store['digest']['ledger']>>>>();
  for (const w of await workspaces(from)) {
    const byWeek = new Map<string, Awaited<ReturnType<Store['digest']['ledger']>>>();
    for (const week of await digestLedgerWeeks(from, w)) byWeek.set(week, await from.digest.ledger(w, week));
    ledgers.set(w, byWeek);
  }
  for (const t of teams) {
    const weeks = await from.digest.weeks(t.id);
    await to.digest.freeze(
      Object.values(weeks).map((week) => {
        const queries = ledgers.get(t.workspace)?.get(week.from);
        ledgers.get(t.workspace)?.delete(week.from);
        return { teamId: t.id, week, ...(queries?.length ? { published: { workspace: t.workspace, queries } } : {}) };
      }),
    );
  }
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

  const source = await census(from, today);
  const target = await census(to, today);
  if (Object.keys(source).some((k) => source[k] !== target[k])) throw new CopyMismatchError(source, target);
  return source;
}
