import { createHash } from 'node:crypto';
import path from 'node:path';

/** A person id as a safe folder name: readable for operators, no path tricks (`..`, `/`) possible. */
export function personFolder(personId: string): string {
  return encodeURIComponent(personId).replace(/\./g, '%2E').replace(/%/g, '=');
}

/**
 * Shards of one day's delivery ledger: about 20 people each at 5,000, so a claim rewrites ~4 KB, and an
 * erasure or export touches one small file a retained day. (The older layout had 16, as `NN.json`:
 * an erasure then parsed and rewrote 35 files of ~300 people each; see ledger.ts for the move.)
 */
export const LEDGER_SHARDS = 256;

/** A ledger shard file's name: `s` and two hex digits. */
export const ledgerShardFile = (shard: number) => `s${shard.toString(16).padStart(2, '0')}.json`;

/** Spreads a day's ledger over shards so one write never rewrites the whole day. */
export function ledgerShard(personId: string): number {
  return createHash('sha1').update(personId).digest().readUInt16BE(0) % LEDGER_SHARDS;
}

/**
 * Shards of one day's event keys: a claim reads and rewrites about 1/1024 of the day's keys (about 50
 * at 50,000 keys a day, 2 KB), so it costs about the same as on a day with none.
 */
export const EVENT_SHARDS = 1024;

/** A shard file's name: `s` and three hex digits (the older 256-shard layout used bare decimals, see events.ts). */
export const eventShardFile = (shard: number) => `s${shard.toString(16).padStart(3, '0')}.json`;

export function eventShard(key: string): number {
  return createHash('sha1').update(key).digest().readUInt16BE(0) % EVENT_SHARDS;
}

export function layout(dataDir: string) {
  return {
    state: path.join(dataDir, 'state.json'),
    historyRoot: path.join(dataDir, 'history'),
    personDir: (personId: string) => path.join(dataDir, 'history', personFolder(personId)),
    history: (personId: string, month: string) => path.join(dataDir, 'history', personFolder(personId), `${month}.json`),
    historyLog: (personId: string, month: string) => path.join(dataDir, 'history', personFolder(personId), `${month}.log`),
    ledgerRoot: path.join(dataDir, 'ledger'),
    ledgerDir: (localDate: string) => path.join(dataDir, 'ledger', localDate),
    ledger: (localDate: string, shard: number) => path.join(dataDir, 'ledger', localDate, ledgerShardFile(shard)),
    eventsRoot: path.join(dataDir, 'events'),
    eventsDay: (day: string) => path.join(dataDir, 'events', day),
    events: (day: string, shard: number) => path.join(dataDir, 'events', day, eventShardFile(shard)),
    mentoringRoundsRoot: path.join(dataDir, 'mentoring', 'rounds'),
    pairRound: (poolId: string, slot: string) => path.join(dataDir, 'mentoring', 'rounds', personFolder(poolId), `${slot}.json`),
  };
}
export type Layout = ReturnType<typeof layout>;
