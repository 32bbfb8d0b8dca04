import type { Repositories, Store } from '../../core/store/index.js';
import { DigestLedgers } from './digest-ledgers.js';
import { LowdbDigest } from './digest.js';
import { LowdbDrafts } from './drafts.js';
import { LowdbEngine, type LowdbStoreOptions } from './engine.js';
import { LowdbEvents } from './events.js';
import { DEFAULT_CACHE_BYTES, LowdbHistory } from './history.js';
import { DEFAULT_LEDGER_RETENTION_DAYS, LowdbLedger } from './ledger.js';
import { LowdbMentoring } from './mentoring.js';
import { LowdbNudges } from './nudges.js';
import { LowdbOutbox } from './outbox.js';
import { LowdbPairing } from './pairing.js';
import { LowdbPeople } from './people.js';
import { LowdbPractice } from './practice.js';
import { LowdbPrivacy } from './privacy.js';
import { TeamShards } from './team-shards.js';
import { LowdbTeams } from './teams.js';
import { moveTeamsOutOfState } from './move-teams.js';

export type { LowdbStoreOptions } from './engine.js';
export { DEFAULT_LEDGER_RETENTION_DAYS } from './ledger.js';

type Fn = (...args: never[]) => Promise<unknown>;

/** The same object with every method run under the engine's shared lock (or joining the open transaction). */
function locked<T extends object>(engine: LowdbEngine, target: T, names: ReadonlyArray<keyof T>, atomic: ReadonlyArray<keyof T> = []): T {
  const out = {} as Record<keyof T, unknown>;
  for (const name of names) {
    const fn = (target[name] as Fn).bind(target);
    // Writes that change several files run as a transaction of their own.
    out[name] = atomic.includes(name) ? (...args: never[]) => engine.transaction(() => fn(...args)) : (...args: never[]) => engine.run(() => fn(...args));
  }
  return out as T;
}

const KEYED = ['get', 'list', 'create', 'update', 'remove'] as const;

/**
 * Opens the embedded JSON store under a data directory as the store port: one engine (the data
 * directory, its lock and write path) and one repository per feature over it.
 */
export async function openLowdbStore(options: LowdbStoreOptions): Promise<Store & { readonly dataDir: string }> {
  const retention = options.ledgerRetentionDays ?? DEFAULT_LEDGER_RETENTION_DAYS;
  let parts!: ReturnType<typeof build>;
  const build = (engine: LowdbEngine, teamShards: TeamShards, ledgers: DigestLedgers) => {
    const teams = new LowdbTeams(engine, teamShards);
    const history = new LowdbHistory(engine, { cacheSize: options.cacheSize ?? 20_000, cacheBytes: options.cacheBytes ?? DEFAULT_CACHE_BYTES, answerCheckpoint: options.answerCheckpoint });
    const ledger = new LowdbLedger(engine, retention);
    const events = new LowdbEvents(engine);
    const nudges = new LowdbNudges(engine);
    const mentoring = new LowdbMentoring(engine);
    const pairing = new LowdbPairing(engine);
    const digest = new LowdbDigest(engine, teamShards, ledgers);
    const practice = new LowdbPractice(engine);
    const outbox = new LowdbOutbox(engine);
    const privacy = new LowdbPrivacy(engine, { teams, history, ledger, nudges, mentoring, pairing, digest, practice, outbox });
    return { people: new LowdbPeople(engine), teams, history, ledger, events, drafts: new LowdbDrafts(engine), nudges, mentoring, pairing, digest, practice, outbox, privacy };
  };
  const engine = await LowdbEngine.open(options, async (opened) => {
    const teamShards = await TeamShards.open(opened.dataDir, opened.fileOptions);
    opened.hold(teamShards);
    const ledgers = new DigestLedgers(opened);
    await moveTeamsOutOfState(opened, teamShards, ledgers);
    parts = build(opened, teamShards, ledgers);
    await parts.history.openAnswers();
    await parts.events.pruneAt(options.now);
    await parts.ledger.pruneAt(options.now);
  });
  const keyed = <T extends object>(records: T) => locked(engine, records, KEYED as unknown as Array<keyof T>);
  const repos: Repositories = {
    people: locked(engine, parts.people, KEYED),
    teams: locked(engine, parts.teams, [...KEYED, 'ofMember', 'everHad']),
    history: locked(engine, parts.history, ['addReflection', 'replaceReflection', 'reflections', 'addCheckIn', 'replaceCheckIn', 'checkIns', 'recordServed', 'served', 'latestServed', 'weekSummaries', 'months']),
    ledger: locked(engine, parts.ledger, ['get', 'claim', 'update', 'on', 'prune'], ['prune']),
    events: locked(engine, parts.events, ['claim', 'live']),
    drafts: locked(engine, parts.drafts, ['get', 'set', 'clear']),
    nudges: locked(engine, parts.nudges, ['get', 'update', 'supportResources', 'setSupportResources']),
    mentoring: { profiles: keyed(parts.mentoring.profiles), requests: keyed(parts.mentoring.requests), invitations: keyed(parts.mentoring.invitations), matches: keyed(parts.mentoring.matches) },
    pairing: locked(engine, parts.pairing, ['pool', 'pools', 'createPool', 'updatePool', 'round', 'rounds', 'createRound', 'updateRound'], ['createRound']),
    digest: locked(engine, parts.digest, ['weeks', 'freeze', 'ledger', 'ledgerWeeks', 'restoreLedger'], ['freeze', 'restoreLedger']),
    practice: { people: keyed(parts.practice.people), peers: keyed(parts.practice.peers), thanks: keyed(parts.practice.thanks) },
    outbox: locked(engine, parts.outbox, ['enqueue', 'claim', 'finish', 'expire', 'pending', 'unsent']),
  };
  return {
    ...repos,
    engine: 'lowdb',
    dataDir: engine.dataDir,
    privacy: locked(engine, parts.privacy, ['exportPerson', 'erasePerson'], ['erasePerson']),
    transaction: (work) => engine.transaction(() => work(repos)),
    health: async () => ({ engine: 'lowdb', ...engine.health() }),
    close: () => engine.close(),
  };
}
