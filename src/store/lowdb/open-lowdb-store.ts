import type { Repositories, Store } from '../../core/store/index.js';
import { LowdbStore, type LowdbStoreOptions } from './lowdb-store.js';
import { LowdbOutbox } from './outbox.js';

/** The port's repositories over one LowdbStore. Every call takes the engine's shared lock (or joins the open transaction). */
function repositories(engine: LowdbStore, outbox: LowdbOutbox): Repositories {
  const run = <A extends unknown[], R>(fn: (...args: A) => R | Promise<R>) => (...args: A): Promise<R> => engine.run(async () => fn(...args));
  // Writes that change several files run as a transaction of their own.
  const atomic = <A extends unknown[], R>(fn: (...args: A) => Promise<R>) => (...args: A): Promise<R> => engine.transaction(() => fn(...args));
  const records = <K extends 'profiles' | 'requests' | 'invitations' | 'matches'>(kind: K) => {
    const r = engine.mentoringRecords(kind);
    return { get: run(r.get), list: run(r.list), create: run(r.create), update: run(r.update), remove: run(r.remove) };
  };
  const practice = <K extends 'people' | 'peers' | 'thanks'>(kind: K) => {
    const r = engine.practiceRecords(kind);
    return { get: run(r.get), list: run(r.list), create: run(r.create), update: run(r.update), remove: run(r.remove) };
  };
  return {
    people: {
      get: run((id) => engine.person(id)),
      list: run((workspace) => engine.people(workspace)),
      create: run((person) => engine.createPerson(person)),
      update: run((id, change) => engine.updatePerson(id, change)),
      remove: run((id) => engine.removePerson(id)),
    },
    teams: {
      get: run((id) => engine.team(id)),
      list: run((workspace) => engine.teams(workspace)),
      create: run((team) => engine.createTeam(team)),
      update: run((id, change) => engine.updateTeam(id, change)),
      remove: run((id) => engine.removeTeam(id)),
    },
    history: {
      addReflection: run((r) => engine.addReflection(r)),
      replaceReflection: run((r) => engine.replaceReflection(r)),
      reflections: run((personId, range) => engine.reflections(personId, range)),
      addCheckIn: run((c) => engine.addCheckIn(c)),
      replaceCheckIn: run((c) => engine.replaceCheckIn(c)),
      checkIns: run((personId, range) => engine.checkIns(personId, range)),
      recordServed: run((personId, served) => engine.recordServed(personId, served)),
      served: run((personId, range) => engine.served(personId, range)),
      latestServed: run((personId, since) => engine.latestServed(personId, since)),
      months: run((personId) => engine.historyMonths(personId)),
    },
    ledger: {
      get: run((personId, job, localDate) => engine.delivery(personId, job, localDate)),
      claim: run((delivery) => engine.claimDelivery(delivery)),
      update: run((personId, job, localDate, change) => engine.updateDelivery(personId, job, localDate, change)),
      on: run((localDate) => engine.deliveriesOn(localDate)),
      prune: atomic((before) => engine.pruneLedger(before)),
    },
    events: { claim: run((key, now) => engine.claimEvent(key, now)) },
    drafts: {
      get: run((personId, purpose, now) => engine.draft(personId, purpose, now)) as Repositories['drafts']['get'],
      set: run((personId, purpose, data, expiresAt) => engine.setDraft(personId, purpose, data, expiresAt)),
      clear: run((personId, purpose) => engine.clearDraft(personId, purpose)),
    },
    nudges: {
      get: run((personId) => engine.nudgeState(personId)),
      update: run((personId, change) => engine.updateNudgeState(personId, change)),
      supportResources: run((workspace) => engine.supportResources(workspace)),
      setSupportResources: run((workspace, resources) => engine.setSupportResources(workspace, resources)),
    },
    mentoring: { profiles: records('profiles'), requests: records('requests'), invitations: records('invitations'), matches: records('matches') },
    pairing: {
      pool: run((id) => engine.pool(id)),
      pools: run((workspace) => engine.pools(workspace)),
      createPool: run((pool) => engine.createPool(pool)),
      updatePool: run((id, change) => engine.updatePool(id, change)),
      round: run((poolId, slot) => engine.pairRound(poolId, slot)),
      rounds: run((poolId) => engine.pairRounds(poolId)),
      createRound: atomic((round) => engine.createRound(round)),
      updateRound: run((poolId, slot, change) => engine.updateRound(poolId, slot, change)),
    },
    digest: {
      weeks: run((teamId) => engine.digestWeeks(teamId)),
      freeze: run((entries) => engine.saveDigestWeeks(entries)),
      ledger: run((workspace, week) => engine.digestLedger(workspace, week)),
    },
    practice: { people: practice('people'), peers: practice('peers'), thanks: practice('thanks') },
    outbox: {
      enqueue: run((entry, now) => outbox.enqueue(entry, now)),
      claim: run((claimer, platforms, limit, now) => outbox.claim(claimer, platforms, limit, now)),
      finish: run((id, outcome, now) => outbox.finish(id, outcome, now)),
      expire: run((claimedBefore, finishedBefore) => outbox.expire(claimedBefore, finishedBefore)),
      pending: run(() => outbox.pending()),
      unsent: run(() => outbox.unsent()),
    },
  };
}

/** Opens the embedded JSON store under a data directory as the store port. */
export async function openLowdbStore(options: LowdbStoreOptions): Promise<Store & { readonly dataDir: string }> {
  const engine = await LowdbStore.open(options);
  const outbox = new LowdbOutbox(engine);
  const repos = repositories(engine, outbox);
  return {
    ...repos,
    engine: 'lowdb',
    dataDir: engine.dataDir,
    privacy: {
      exportPerson: (personId) => engine.run(() => engine.exportPerson(personId)),
      erasePerson: (personId) =>
        engine.transaction(async () => {
          const erased = await engine.erasePerson(personId);
          await outbox.forgetPerson(personId);
          return erased;
        }),
    },
    transaction: (work) => engine.transaction(() => work(repos)),
    health: async () => ({ engine: 'lowdb', ...engine.health() }),
    close: () => engine.close(),
  };
}
